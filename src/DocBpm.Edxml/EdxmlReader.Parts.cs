using System.Globalization;
using System.Xml.Linq;
using static DocBpm.Edxml.EdxmlFormat;

namespace DocBpm.Edxml;

public static partial class EdxmlReader
{
    private static List<EdxmlTrace> ReadTraces(Context c, XElement? list) =>
        [.. (list?.Elements(Ns + "TraceHeader") ?? []).Select((t, i) =>
            {
                var at = $"TraceHeaderList/TraceHeader[{i + 1}]";
                var id = c.Text(t, "OrganId", at, required: true);
                var when = c.Timestamp(t, "Timestamp", at);
                return id is null || when is null ? null : new EdxmlTrace(id, when.Value);
            }).OfType<EdxmlTrace>()];

    private static EdxmlBusiness ReadBusiness(Context c, XElement? b)
    {
        var type = c.Integer(b, "BussinessDocType", "Bussiness") ?? 0;
        if (!Enum.IsDefined((BusinessDocType)type))
            c.Problem("Bussiness/BussinessDocType", $"unknown business type {type}", $"loại nghiệp vụ {type} không hợp lệ");
        // Only an update or a replacement points to a document by it; on a new document or a recall senders put anything
        // there (public SDK samples carry a placeholder), so it is kept as text and not judged.
        var names = (BusinessDocType)type is BusinessDocType.Update or BusinessDocType.Replace;
        var corrected = names ? c.DocumentId(b, "DocumentId", "Bussiness", required: false) : Value(b, "DocumentId");
        var replacements = (b?.Element(Ns + "ReplacementInfoList")?.Elements(Ns + "ReplacementInfo") ?? []).Select((r, i) =>
        {
            var at = $"Bussiness/ReplacementInfoList/ReplacementInfo[{i + 1}]";
            var id = c.DocumentId(r, "DocumentId", at, required: true);
            var organs = r.Element(Ns + "OrganIdList")?.Elements(Ns + "OrganId").Select(o => o.Value.Trim()).Where(o => o.Length > 0).ToList() ?? [];
            return id is null ? null : new EdxmlReplacement(id, organs);
        }).OfType<EdxmlReplacement>().ToList();
        var receivers = ReadReceiverChanges(c, b?.Element(Ns + "BussinessDocumentInfo")?.Element(Ns + "ReceiverList"));
        return new EdxmlBusiness((BusinessDocType)type, c.Text(b, "BussinessDocReason", "Bussiness"), ReadStaff(b?.Element(Ns + "StaffInfo")),
            c.Integer(b, "Paper", "Bussiness") == 1, corrected, replacements.Count > 0 ? replacements : null, receivers.Count > 0 ? receivers : null);
    }

    private static List<EdxmlReceiverChange> ReadReceiverChanges(Context c, XElement? list) =>
        [.. (list?.Elements(Ns + "Receiver") ?? []).Select((r, i) =>
            {
                var at = $"Bussiness/BussinessDocumentInfo/ReceiverList/Receiver[{i + 1}]";
                var id = c.AgencyCode(r, "OrganId", at);
                return id is null ? null : new EdxmlReceiverChange(id, c.Integer(r, "ReceiverType", at) == 2);
            }).OfType<EdxmlReceiverChange>()];

    /// <summary>An empty StaffInfo (DocBpm and others always write one) reads as no staff.</summary>
    private static EdxmlStaff? ReadStaff(XElement? s) =>
        s is null || s.Elements().All(e => e.Value.Trim().Length == 0)
            ? null
            : new EdxmlStaff(Value(s, "Department"), Value(s, "Staff"), Value(s, "Mobile"), Value(s, "Email"));

    private static List<EdxmlAttachment> ReadAttachments(Context c, XElement root, EdxmlLimits limits)
    {
        var elements = root.Element(Ns + "AttachmentEncoded")?.Elements(Ns + "Attachment").ToList() ?? [];
        if (elements.Count > limits.MaxAttachments)
        {
            c.Problem("AttachmentEncoded", $"{elements.Count} attachments, more than {limits.MaxAttachments}",
                $"có {elements.Count} tệp đính kèm, vượt quá {limits.MaxAttachments}");
            return [];
        }

        var attachments = new List<EdxmlAttachment>();
        for (var i = 0; i < elements.Count; i++)
        {
            var at = $"AttachmentEncoded/Attachment[{i + 1}]";
            var a = elements[i];
            var id = c.Text(a, "ContentId", at, required: true);
            var name = c.Text(a, "AttachmentName", at, required: true);
            var type = c.Text(a, "ContentType", at, required: true);
            var encoded = c.Text(a, "ContentTransferEncoded", at, required: true);
            if (encoded is null || id is null || name is null || type is null)
                continue;
            if (encoded.Length / 4L * 3 > limits.MaxAttachmentBytes)
            {
                c.Problem(at, $"attachment '{name}' is larger than {limits.MaxAttachmentBytes} bytes", $"tệp '{name}' vượt quá dung lượng cho phép");
                continue;
            }

            var bytes = new byte[encoded.Length / 4 * 3 + 3];
            if (!Convert.TryFromBase64String(encoded, bytes, out var written))
            {
                c.Problem(at + "/ContentTransferEncoded", $"attachment '{name}' is not valid base64", $"nội dung tệp '{name}' không phải base64 hợp lệ");
                continue;
            }

            attachments.Add(new EdxmlAttachment(id, name, type, bytes[..written], Value(a, "Description")));
        }

        return attachments;
    }

    private static string? Value(XElement? parent, string name) =>
        parent?.Element(Ns + name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    /// <summary>Reads fields and collects the problems of the whole package.</summary>
    private sealed class Context(List<EdxmlProblem> problems, IdentifierPatterns identifiers)
    {

        public bool HasProblems => problems.Count > 0;

        public void Problem(string path, string message, string messageVi) => problems.Add(new(path, message, messageVi));

        public XElement? Required(XElement? parent, string name, string at)
        {
            var element = parent?.Element(Ns + name);
            if (element is null)
                Problem($"{at}/{name}", $"{name} is missing", $"thiếu trường {name}");
            return element;
        }

        public string? Text(XElement? parent, string name, string at, bool required = false)
        {
            var value = Value(parent, name);
            if (value is null && required)
                Problem($"{at}/{name}", $"{name} is missing or empty", $"thiếu hoặc để trống trường {name}");
            return value;
        }

        public int? Integer(XElement? parent, string name, string at)
        {
            var text = Value(parent, name);
            if (text is null)
                return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                return value;
            Problem($"{at}/{name}", $"'{text}' is not a number", $"'{text}' không phải là số");
            return null;
        }

        /// <summary>An agency code in the national shape or one the administrator accepts from this sender.</summary>
        public string? AgencyCode(XElement? parent, string name, string at)
        {
            var id = Text(parent, name, at, required: true);
            if (id is not null && !identifiers.IsAgencyCode(id))
                Problem($"{at}/{name}", $"'{id}' is not an agency identifier code", $"mã định danh '{id}' không đúng dạng {identifiers.AgencyCodeShapes}");
            return id;
        }

        /// <summary>
        /// A document identifier: agency code, date and number/notation (<see cref="DocumentIdentifier"/>), or a shape
        /// the administrator accepts from this sender; a refusal names the shapes.
        /// </summary>
        public string? DocumentId(XElement? parent, string name, string at, bool required)
        {
            var text = Text(parent, name, at, required);
            if (text is null || identifiers.IsDocumentId(text))
                return text;
            Problem($"{at}/{name}", $"'{text}' is not agency,yyyy/MM/dd,number/notation or an accepted pattern",
                $"mã định danh văn bản '{text}' không đúng dạng {identifiers.DocumentIdShapes}");
            return null;
        }

        public DateOnly? Date(XElement? parent, string name, string at, bool required)
        {
            var text = Text(parent, name, at, required);
            if (text is null)
                return null;
            if (TryDate(text, out var date))
                return date;
            Problem($"{at}/{name}", $"'{text}' is not a date (yyyy/MM/dd, dd/MM/yyyy or yyyy-MM-dd)", $"'{text}' không đúng dạng ngày (yyyy/MM/dd, dd/MM/yyyy hoặc yyyy-MM-dd)");
            return null;
        }

        public DateTimeOffset? Timestamp(XElement? parent, string name, string at)
        {
            var text = Text(parent, name, at, required: true);
            if (text is null)
                return null;
            if (TryTimestamp(text, out var instant))
                return instant;
            Problem($"{at}/{name}", $"'{text}' is not a timestamp yyyy/MM/dd HH:mm:ss", $"'{text}' không đúng dạng thời gian yyyy/MM/dd HH:mm:ss");
            return null;
        }
    }
}
