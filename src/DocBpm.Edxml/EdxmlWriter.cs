using System.Globalization;
using System.Text;
using System.Xml.Linq;
using static DocBpm.Edxml.EdxmlFormat;

namespace DocBpm.Edxml;

/// <summary>Writes edXML packages and status messages (QCVN 102:2016).</summary>
public static class EdxmlWriter
{
    public static byte[] Write(EdxmlPackage package)
    {
        var h = package.Header;
        var header = new XElement(Ns + "MessageHeader",
            Organization("From", h.From),
            h.To.Select(t => Organization("To", t)),
            new XElement(Ns + "Code", E("CodeNumber", h.CodeNumber), E("CodeNotation", h.CodeNotation)),
            new XElement(Ns + "PromulgationInfo", E("Place", h.Place), E("PromulgationDate", Date(h.PromulgationDate))),
            new XElement(Ns + "DocumentType", E("Type", h.DocumentType.Type), E("TypeName", h.DocumentType.TypeName),
                E("TypeDetail", h.DocumentType.TypeDetail)),
            E("Subject", h.Subject),
            E("Content", h.Content ?? ""),
            new XElement(Ns + "SignerInfo", E("Competence", h.Signer.Competence ?? ""), E("Position", h.Signer.Position ?? ""), E("FullName", h.Signer.FullName)),
            h.DueDate is { } due ? E("DueDate", Date(due)) : null,
            new XElement(Ns + "ToPlaces", (h.ToPlaces ?? []).Select(p => E("Place", p))),
            OtherInfo(h.OtherInfo),
            (h.ResponseFor ?? []).Select(r => new XElement(Ns + "ResponseFor",
                E("OrganId", r.OrganId), E("Code", r.Code), E("PromulgationDate", Date(r.PromulgationDate)), E("DocumentId", r.DocumentId))),
            E("SteeringType", h.SteeringType),
            E("DocumentId", h.DocumentId));
        var b = package.Business;
        var traces = new XElement(Ns + "TraceHeaderList", TraceListAttributes(),
            package.Traces.Select(t => new XElement(Ns + "TraceHeader", E("OrganId", t.OrganId), E("Timestamp", Timestamp(t.Timestamp)))),
            new XElement(Ns + "Bussiness",
                E("BussinessDocType", (int)b.DocType),
                E("BussinessDocReason", b.Reason ?? ""),
                b.ReceiverChanges is { Count: > 0 } changes ? new XElement(Ns + "BussinessDocumentInfo", E("DocumentInfo", 0), E("DocumentReceiver", 1),
                    new XElement(Ns + "ReceiverList", changes.Select(c => new XElement(Ns + "Receiver", E("ReceiverType", c.Removed ? 2 : 1), E("OrganId", c.OrganId))))) : null,
                b.DocumentId is { } corrected ? E("DocumentId", corrected) : null,
                Staff(b.Staff ?? NoStaff),
                E("Paper", b.PaperAlsoSent ? 1 : 0),
                b.Replacements is { Count: > 0 } replaced ? new XElement(Ns + "ReplacementInfoList", replaced.Select(r => new XElement(Ns + "ReplacementInfo",
                    E("DocumentId", r.DocumentId), new XElement(Ns + "OrganIdList", r.OrganIds.Select(o => E("OrganId", o)))))) : null));
        var manifest = new XElement(Ns + "edXMLManifest", new XAttribute("version", "1.0"),
            package.Attachments.Select(a => new XElement(Ns + "Reference",
                new XAttribute(XNamespace.Xmlns + "xlink", XLink),
                new XAttribute(XLink + "href", "cid:" + a.ContentId),
                new XAttribute(XLink + "type", "simple"),
                new XAttribute(XLink + "role", "attachment"),
                E("ContentId", a.ContentId), E("AttachmentName", a.Name), E("ContentType", a.ContentType), E("Description", a.Description ?? ""))));
        var attachments = new XElement(Ns + "AttachmentEncoded",
            package.Attachments.Select(a => new XElement(Ns + "Attachment",
                E("ContentType", a.ContentType), E("ContentId", a.ContentId), E("Description", a.Description ?? ""),
                E("AttachmentName", a.Name), E("ContentTransferEncoded", Convert.ToBase64String(a.Content)))));
        return Document(new XElement(Ns + "edXMLHeader", header, traces, new XElement(Ns + "DigitalSignature")),
            new XElement(Ns + "edXMLBody", manifest), attachments);
    }

    public static byte[] Write(EdxmlStatus status)
    {
        var r = status.ResponseFor;
        var body = new XElement(Ns + "Status",
            new XElement(Ns + "ResponseFor", E("OrganId", r.OrganId), E("Code", r.Code), E("PromulgationDate", Date(r.PromulgationDate)),
                E("DocumentId", r.DocumentId)),
            Organization("From", status.From),
            E("StatusCode", status.Status.Code()),
            E("Description", status.Description ?? status.Status.Vietnamese()),
            E("Timestamp", Timestamp(status.Timestamp)),
            Staff(status.Staff ?? NoStaff));
        return Document(new XElement(Ns + "edXMLHeader", body), null, null);
    }

    private static byte[] Document(XElement header, XElement? body, XElement? attachments)
    {
        var envelope = new XElement(Ns + "edXMLEnvelope", new XAttribute(XNamespace.Xmlns + "edXML", Ns), header, body);
        var root = new XElement(Ns + "edXML", new XAttribute("xmlns", Ns.NamespaceName), envelope, attachments);
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        return stream.ToArray();
    }

    private static XElement Organization(string name, EdxmlOrganization o) => new(Ns + name,
        E("OrganId", o.OrganId), E("OrganizationInCharge", o.OrganizationInCharge ?? ""), E("OrganName", o.OrganName),
        E("OrganAdd", o.Address ?? ""), E("Email", o.Email ?? ""), E("Telephone", o.Telephone ?? ""), E("Fax", o.Fax ?? ""),
        E("Website", o.Website ?? ""));

    private static XElement OtherInfo(EdxmlOtherInfo i) => new(Ns + "OtherInfo",
        E("Priority", (int)i.Priority),
        E("SphereOfPromulgation", i.SphereOfPromulgation ?? ""),
        E("TyperNotation", i.TyperNotation ?? ""),
        i.PromulgationAmount is { } amount ? E("PromulgationAmount", amount) : null,
        i.PageAmount is { } pages ? E("PageAmount", pages) : null,
        new XElement(Ns + "Appendixes", (i.Appendixes ?? []).Select(a => E("Appendix", a))),
        i.SecurityLevel is { } level ? E("SecurityLevel", level) : null,
        E("Direction", i.Direction ? "true" : "false"));

    private static readonly EdxmlStaff NoStaff = new(null, null);

    /// <summary>The SOAP-style attributes the other implementations put on the trace list, so their readers find them.</summary>
    public static XAttribute[] TraceListAttributes() =>
    [
        new("id", "TraceHeaderList"), new("version", "1.0"), new("mustUnderstand", "1"), new("actor", "http://schemas.xmlsoap.org/soap/actor/next"),
    ];

    private static XElement Staff(EdxmlStaff s) => new(Ns + "StaffInfo",
        E("Department", s.Department ?? ""), E("Staff", s.Staff ?? ""), E("Mobile", s.Mobile ?? ""), E("Email", s.Email ?? ""));

    private static XElement E(string name, string value) => new(Ns + name, value);

    private static XElement E(string name, int value) => new(Ns + name, value.ToString(CultureInfo.InvariantCulture));
}
