using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using static DocBpm.Edxml.EdxmlFormat;

namespace DocBpm.Edxml;

/// <summary>Size limits for incoming packages; an axis or a sender cannot make DocBpm read without bound.</summary>
public sealed record EdxmlLimits(long MaxPackageBytes, int MaxAttachments, long MaxAttachmentBytes, int MaxDepth = 32)
{
    public static EdxmlLimits Default { get; } = new(100L * 1024 * 1024, 50, 50L * 1024 * 1024);
}

/// <summary>One problem of a package: where (an element path) and what, in English and Vietnamese.</summary>
public sealed record EdxmlProblem(string Path, string Message, string MessageVi)
{
    public override string ToString() => $"{Path}: {Message}";
}

public sealed record EdxmlReadResult<T>(T? Value, IReadOnlyList<EdxmlProblem> Problems)
    where T : class
{
    public bool IsValid => Value is not null && Problems.Count == 0;

    /// <summary>The tree the value was read from, kept so a forwarder can stamp the package without parsing it again.</summary>
    internal XElement? Root { get; init; }
}

/// <summary>
/// Reads edXML packages and status messages with safe XML settings (no DTD, no external resources) and lists every
/// problem found, so that a refusal sent back to the sender names them all.
/// </summary>
public static partial class EdxmlReader
{
    /// <summary>Reads a package; <paramref name="identifiers"/> are the shapes accepted from its sender (national by default).</summary>
    public static EdxmlReadResult<EdxmlPackage> ReadPackage(byte[] xml, EdxmlLimits? limits = null, IdentifierPatterns? identifiers = null)
    {
        limits ??= EdxmlLimits.Default;
        var problems = new List<EdxmlProblem>();
        var root = Load(xml, limits, problems);
        if (root is null)
            return new(null, problems);
        var header = root.Element(Ns + "edXMLEnvelope")!.Element(Ns + "edXMLHeader");
        var context = new Context(problems, identifiers ?? IdentifierPatterns.National);
        var message = context.Required(header, "MessageHeader", "edXMLHeader");
        if (message is null)
            return new(null, problems);

        var messageHeader = ReadHeader(context, message);
        var traces = ReadTraces(context, header!.Element(Ns + "TraceHeaderList"));
        var business = ReadBusiness(context, header.Element(Ns + "TraceHeaderList")?.Element(Ns + "Bussiness"));
        var attachments = ReadAttachments(context, root, limits);
        return problems.Count > 0 ? new(null, problems) : new(new EdxmlPackage(messageHeader!, traces, business, attachments), problems) { Root = root };
    }

    public static EdxmlReadResult<EdxmlStatus> ReadStatus(byte[] xml, EdxmlLimits? limits = null, IdentifierPatterns? identifiers = null)
    {
        var problems = new List<EdxmlProblem>();
        var root = Load(xml, limits ?? EdxmlLimits.Default, problems);
        if (root is null)
            return new(null, problems);
        var context = new Context(problems, identifiers ?? IdentifierPatterns.National);
        var header = root.Element(Ns + "edXMLEnvelope")?.Element(Ns + "edXMLHeader");
        // Some senders carry the status fields in a MessageHeader instead of Status (docs/edxml.md, Statuses).
        var status = header?.Element(Ns + "MessageHeader") is { } message && message.Element(Ns + "StatusCode") is not null && header.Element(Ns + "Status") is null
            ? message
            : context.Required(header, "Status", "edXMLHeader");
        if (status is null)
            return new(null, problems);
        var at = status.Name.LocalName;
        var responseFor = ReadResponseFor(context, context.Required(status, "ResponseFor", at), at + "/ResponseFor");
        var from = ReadOrganization(context, context.Required(status, "From", at), at + "/From");
        var codeText = context.Text(status, "StatusCode", at, required: true);
        if (!ExchangeStatusCodes.TryParse(codeText, out var code) && codeText is not null)
            context.Problem(at + "/StatusCode", $"'{codeText}' is not a known status code", $"mã trạng thái '{codeText}' không hợp lệ");
        var timestamp = context.Timestamp(status, "Timestamp", at);
        if (problems.Count > 0)
            return new(null, problems);
        return new(new EdxmlStatus(responseFor!, from!, code, context.Text(status, "Description", at), timestamp!.Value,
            ReadStaff(status.Element(Ns + "StaffInfo"))), problems);
    }

    private static XElement? Load(byte[] xml, EdxmlLimits limits, List<EdxmlProblem> problems)
    {
        if (xml.Length == 0 || xml.LongLength > limits.MaxPackageBytes)
        {
            problems.Add(new("edXML", $"the package is empty or larger than {limits.MaxPackageBytes} bytes",
                $"gói tin rỗng hoặc vượt quá {limits.MaxPackageBytes / (1024 * 1024)} MB"));
            return null;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 0 };
            if (TooDeep(xml, settings, limits.MaxDepth) is { } depth)
            {
                problems.Add(new($"line {depth}", $"elements nest deeper than {limits.MaxDepth} levels",
                    $"gói tin lồng các phần tử sâu quá {limits.MaxDepth} cấp"));
                return null;
            }

            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            // Whitespace is kept so that a package stamped by a forwarder keeps the bytes a signature covers.
            var root = Unwrapped(XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root!);
            if (root?.Name != Ns + "edXML" || root.Element(Ns + "edXMLEnvelope") is null)
            {
                problems.Add(new("edXML", "the root is not an edXML envelope of QCVN 102:2016", "gói tin không đúng cấu trúc edXML (QCVN 102:2016)"));
                return null;
            }

            return root;
        }
        catch (XmlException ex)
        {
            problems.Add(new($"line {ex.LineNumber}", $"not well-formed XML: {ex.Message}", $"gói tin không phải XML hợp lệ: {ex.Message}"));
            return null;
        }
    }

    private static readonly XNamespace[] Soap = ["http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope"];

    /// <summary>The edXML root, also when a sender wrapped it in a SOAP 1.1 or 1.2 envelope's Body.</summary>
    private static XElement? Unwrapped(XElement root) =>
        Soap.Any(ns => root.Name == ns + "Envelope")
            ? root.Elements().FirstOrDefault(e => e.Name.LocalName == "Body" && e.Name.Namespace == root.Name.Namespace)?.Element(Ns + "edXML")
            : root;

    /// <summary>
    /// A streaming pass that stops at the first element nested deeper than edXML ever needs (about ten levels), before a
    /// tree is built: a hostile package of thousands of nested elements costs a scan, not seconds of building. Returns its line.
    /// </summary>
    private static int? TooDeep(byte[] xml, XmlReaderSettings settings, int maxDepth)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth > maxDepth)
                return reader is IXmlLineInfo line ? line.LineNumber : 0;
        }

        return null;
    }

    private static EdxmlMessageHeader? ReadHeader(Context c, XElement m)
    {
        const string at = "MessageHeader";
        var from = ReadOrganization(c, c.Required(m, "From", at), at + "/From");
        var to = m.Elements(Ns + "To").Select((t, i) => ReadOrganization(c, t, $"{at}/To[{i + 1}]")).ToList();
        if (to.Count == 0)
            c.Problem(at + "/To", "the package has no recipient", "gói tin không có nơi nhận");
        var code = c.Required(m, "Code", at);
        var number = c.Text(code, "CodeNumber", at + "/Code", required: true);
        var notation = c.Text(code, "CodeNotation", at + "/Code", required: true);
        var promulgation = c.Required(m, "PromulgationInfo", at);
        var place = c.Text(promulgation, "Place", at + "/PromulgationInfo") ?? "";
        var date = c.Date(promulgation, "PromulgationDate", at + "/PromulgationInfo", required: true);
        var type = c.Required(m, "DocumentType", at);
        var typeNumber = c.Integer(type, "Type", at + "/DocumentType") ?? 0;
        var typeName = c.Text(type, "TypeName", at + "/DocumentType") ?? "";
        var subject = c.Text(m, "Subject", at, required: true);
        var signer = c.Required(m, "SignerInfo", at);
        var fullName = c.Text(signer, "FullName", at + "/SignerInfo") ?? "";
        var due = c.Date(m, "DueDate", at, required: false);
        var other = m.Element(Ns + "OtherInfo");
        var priority = c.Integer(other, "Priority", at + "/OtherInfo") ?? 0;
        if (!Enum.IsDefined((EdxmlPriority)priority))
            c.Problem(at + "/OtherInfo/Priority", $"unknown priority {priority}", $"mức độ khẩn {priority} không hợp lệ");
        var documentId = c.DocumentId(m, "DocumentId", at, required: true);
        var responses = m.Elements(Ns + "ResponseFor").Select((r, i) => ReadResponseFor(c, r, $"{at}/ResponseFor[{i + 1}]")).ToList();
        if (c.HasProblems)
            return null;
        return new EdxmlMessageHeader(from!, to!, number!, notation!, place, date!.Value, new EdxmlDocumentType(typeNumber, typeName, c.Integer(type, "TypeDetail", at + "/DocumentType") ?? 0),
            subject!, new EdxmlSigner(c.Text(signer, "Competence", at), c.Text(signer, "Position", at), fullName),
            new EdxmlOtherInfo((EdxmlPriority)priority, c.Text(other, "SphereOfPromulgation", at), c.Text(other, "TyperNotation", at),
                c.Integer(other, "PromulgationAmount", at), c.Integer(other, "PageAmount", at),
                [.. other?.Element(Ns + "Appendixes")?.Elements(Ns + "Appendix").Select(a => a.Value.Trim()).Where(a => a.Length > 0) ?? []],
                c.Text(other, "SecurityLevel", at), Value(other, "Direction") is "true" or "1"),
            documentId!, c.Text(m, "Content", at), due,
            [.. m.Element(Ns + "ToPlaces")?.Elements(Ns + "Place").Select(p => p.Value.Trim()).Where(p => p.Length > 0) ?? []],
            [.. responses.OfType<EdxmlResponseFor>()], c.Integer(m, "SteeringType", at) ?? 0);
    }

    private static EdxmlOrganization? ReadOrganization(Context c, XElement? o, string at)
    {
        if (o is null)
            return null;
        var id = c.AgencyCode(o, "OrganId", at);
        var name = c.Text(o, "OrganName", at, required: true);
        return id is null || name is null ? null : new EdxmlOrganization(id, name, c.Text(o, "OrganizationInCharge", at),
            c.Text(o, "OrganAdd", at), c.Text(o, "Email", at), c.Text(o, "Telephone", at), c.Text(o, "Fax", at), c.Text(o, "Website", at));
    }

    private static EdxmlResponseFor? ReadResponseFor(Context c, XElement? r, string at)
    {
        if (r is null)
            return null;
        var id = c.Text(r, "OrganId", at, required: true);
        var code = c.Text(r, "Code", at, required: true);
        var date = c.Date(r, "PromulgationDate", at, required: true);
        var documentId = c.Text(r, "DocumentId", at, required: true);
        return id is null || code is null || date is null || documentId is null ? null : new EdxmlResponseFor(id, code, date.Value, documentId);
    }
}
