using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml.Linq;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Records;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Records;

/// <summary>
/// The submission information package of the files an archivist accepted, for transfer to another archive system
/// (archival.md §3; TT 05/2025/TT-BNV implementations follow the E-ARK CSIP layout): <c>METS.xml</c>,
/// <c>metadata/descriptive/EAD.xml</c>, <c>metadata/preservation/PREMIS.xml</c>, <c>representations/rep1/METS.xml</c> with
/// the documents' files under <c>data/</c>, and <c>schemas/</c>. Every file but the root METS carries its SHA-256 there
/// or in the representation's METS and in PREMIS. The XSDs are ours, written from the published structures.
/// </summary>
public sealed class HandoverPackage(DbContext db, FileStore files, TimeProvider time)
{
    private static readonly XNamespace Mets = "http://www.loc.gov/METS/";
    private static readonly XNamespace Csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";
    private static readonly XNamespace Premis = "http://www.loc.gov/premis/v3";
    public static readonly string[] Schemas = ["METS.xsd", "EAD.xsd", "PREMIS.xsd"];
    private const string Mode = "Sử dụng có điều kiện";

    private sealed record Entry(string Path, string MimeType, byte[] Content)
    {
        public string Sha256 => Convert.ToHexString(SHA256.HashData(Content));
    }

    public async Task<byte[]> WriteAsync(Guid submissionId, string organId, HandoverPrint print, IReadOnlyList<HandedOver> accepted,
        CancellationToken cancellationToken)
    {
        var created = time.GetUtcNow();
        var data = new List<Entry>();
        var documents = new Dictionary<Guid, List<Entry>>();
        foreach (var file in accepted)
        {
            foreach (var d in file.View.Documents)
            {
                var stored = await StoredFilesAsync(d, cancellationToken);
                documents[d.Id] = [.. stored.Select((s, i) => new Entry(
                    $"representations/rep1/data/{file.View.File.Code}/{d.Ordinal:000}-{i + 1}{Path.GetExtension(s.Name)}", s.ContentType, s.Content))];
                data.AddRange(documents[d.Id]);
            }
        }

        var ead = Xml(Ead(organId, print.AgencyName, accepted, documents));
        var premis = Xml(PremisOf(print, accepted, data, created));
        var representation = Xml(MetsOf($"{submissionId}-rep1", "representations/rep1/", created, print.AgencyName, [("Data", data)], null, null));
        var schemas = Schemas.Select(s => new Entry($"schemas/{s}", "text/xml", SchemaBytes(s))).ToList();
        var metadata = new[] { new Entry("metadata/descriptive/EAD.xml", "text/xml", ead), new Entry("metadata/preservation/PREMIS.xml", "text/xml", premis) };
        var repEntry = new Entry("representations/rep1/METS.xml", "text/xml", representation);
        var root = Xml(MetsOf(submissionId.ToString(), "", created, print.AgencyName,
            [("Representations/rep1", [repEntry]), ("Schemas", schemas)], metadata[0], metadata[1]));

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in new[] { new Entry("METS.xml", "text/xml", root), repEntry }.Concat(metadata).Concat(schemas).Concat(data))
            {
                await using var stream = archive.CreateEntry(entry.Path, CompressionLevel.Optimal).Open();
                await stream.WriteAsync(entry.Content, cancellationToken);
            }
        }

        return zip.ToArray();
    }

    /// <summary>The XSD a package part is valid against, as shipped in <c>schemas/</c>.</summary>
    public static byte[] SchemaBytes(string name)
    {
        using var stream = typeof(HandoverPackage).Assembly.GetManifestResourceStream($"DocBpm.Schemas.{name}")
            ?? throw new InvalidOperationException($"Schema {name} is not embedded in DocBpm.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The document's own files: what arrived for an incoming one, the issued (or signed) PDF of an outgoing one.</summary>
    private async Task<List<StoredFile>> StoredFilesAsync(FiledView d, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> ids = d.Kind == FiledKind.Incoming
            ? (await db.Set<IncomingDocument>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == d.DocumentId, cancellationToken))?.Files ?? []
            : (await db.Set<OutgoingDocument>().AsNoTracking().Where(o => o.Id == d.DocumentId).Select(o => o.IssuedFileId ?? o.SignedFileId)
                .FirstOrDefaultAsync(cancellationToken)) is { } issued ? [issued] : [];
        var stored = new List<StoredFile>();
        foreach (var id in ids)
            stored.Add(await files.ReadAsync(id, cancellationToken));
        return stored;
    }

    private static XElement Ead(string organId, string agencyName, IReadOnlyList<HandedOver> accepted, Dictionary<Guid, List<Entry>> documents) =>
        new("EAD", new XElement("organName", agencyName), accepted.Select(a => new XElement("file",
            new XElement("arcFileCode", a.View.File.Code),
            new XElement("organId", organId),
            new XElement("fileCatalog", a.File.Year),
            new XElement("fileNotation", a.File.Notation),
            new XElement("title", a.File.Title),
            new XElement("maintenance", a.View.File.Retention),
            new XElement("mode", Mode),
            new XElement("language", "Tiếng Việt"),
            new XElement("creator", a.File.Keeper),
            new XElement("startDate", IsoDate(a.File.StartDate ?? a.File.EndDate)),
            new XElement("endDate", IsoDate(a.File.EndDate)),
            new XElement("docTotal", a.View.Documents.Count),
            new XElement("pageTotal", a.Printed.Pages),
            a.File.Note is { } note ? new XElement("description", note) : null,
            a.View.Documents.Select(d => new XElement("document",
                new XElement("docCode", $"{a.View.File.Code}.{d.Ordinal:0000000}"),
                new XElement("docOrdinal", d.Ordinal),
                new XElement("typeName", d.TypeName),
                d.NumberAndNotation?.Split('/')[0] is { Length: > 0 } number ? new XElement("codeNumber", number) : null,
                d.NumberAndNotation is { } n && n.Contains('/') ? new XElement("codeNotation", n[(n.IndexOf('/') + 1)..]) : null,
                d.Date is { } date ? new XElement("issuedDate", IsoDate(date)) : null,
                new XElement("organName", d.Author),
                new XElement("subject", d.Subject),
                new XElement("language", "Tiếng Việt"),
                new XElement("numberOfPage", d.Pages ?? 0),
                new XElement("mode", Mode),
                new XElement("confidenceLevel", "Gốc điện tử"),
                documents[d.Id].Select(e => new XElement("dataFile", new XAttribute("sha256", e.Sha256), e.Path)))))));

    private static XElement PremisOf(HandoverPrint print, IReadOnlyList<HandedOver> accepted, List<Entry> data, DateTimeOffset created) =>
        new(Premis + "premis", new XAttribute("version", "3.0"),
            data.Select(e => new XElement(Premis + "object",
                new XElement(Premis + "objectIdentifier", new XElement(Premis + "objectIdentifierType", "filepath"), new XElement(Premis + "objectIdentifierValue", e.Path)),
                new XElement(Premis + "objectCharacteristics",
                    new XElement(Premis + "fixity", new XElement(Premis + "messageDigestAlgorithm", "SHA-256"), new XElement(Premis + "messageDigest", e.Sha256)),
                    new XElement(Premis + "size", e.Content.LongLength),
                    new XElement(Premis + "format", new XElement(Premis + "formatDesignation", new XElement(Premis + "formatName", e.MimeType)))))),
            accepted.SelectMany(a => new[]
            {
                Event($"{a.Handover.Id}-submission", "submission", a.Handover.SubmittedAt, a.Handover.SubmittedBy, a.View.File.Code),
                Event($"{a.Handover.Id}-accession", "accession", a.Handover.DecidedAt ?? created, a.Handover.DecidedBy ?? "", a.View.File.Code),
            }),
            accepted.SelectMany(a => new[] { a.Handover.SubmittedBy, a.Handover.DecidedBy ?? "" }).Distinct(StringComparer.OrdinalIgnoreCase).Select(user =>
                new XElement(Premis + "agent",
                    new XElement(Premis + "agentIdentifier", new XElement(Premis + "agentIdentifierType", "local"), new XElement(Premis + "agentIdentifierValue", user)),
                    new XElement(Premis + "agentName", user), new XElement(Premis + "agentType", "person"))),
            new XComment($" {print.AgencyName} "));

    private static XElement Event(string id, string type, DateTimeOffset at, string agent, string fileCode) =>
        new(Premis + "event",
            new XElement(Premis + "eventIdentifier", new XElement(Premis + "eventIdentifierType", "local"), new XElement(Premis + "eventIdentifierValue", id)),
            new XElement(Premis + "eventType", type),
            new XElement(Premis + "eventDateTime", at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XElement(Premis + "linkingAgentIdentifier", new XElement(Premis + "linkingAgentIdentifierType", "local"), new XElement(Premis + "linkingAgentIdentifierValue", agent)),
            new XElement(Premis + "linkingObjectIdentifier", new XElement(Premis + "linkingObjectIdentifierType", "arcFileCode"), new XElement(Premis + "linkingObjectIdentifierValue", fileCode)));

    /// <summary>A METS document: the package's root (with its metadata) or a representation's; hrefs are relative to it.</summary>
    private static XElement MetsOf(string id, string prefix, DateTimeOffset created, string agencyName, (string Use, IReadOnlyList<Entry> Files)[] groups,
        Entry? ead, Entry? premis)
    {
        var stamp = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var n = 0;
        var fileIds = new Dictionary<Entry, string>();
        XElement MdRef(string type, Entry e) => new(Mets + "mdRef", new XAttribute("LOCTYPE", "URL"), new XAttribute("MDTYPE", type),
            new XAttribute(XLink + "type", "simple"), new XAttribute(XLink + "href", e.Path), Checked(e, stamp));
        return new XElement(Mets + "mets",
            new XAttribute(XNamespace.Xmlns + "csip", Csip), new XAttribute(XNamespace.Xmlns + "xlink", XLink),
            new XAttribute("OBJID", id), new XAttribute("TYPE", "Hồ sơ"), new XAttribute("PROFILE", "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"),
            new XAttribute(Csip + "OAISPACKAGETYPE", "SIP"),
            new XElement(Mets + "metsHdr", new XAttribute("CREATEDATE", stamp), new XAttribute("RECORDSTATUS", "NEW"),
                new XElement(Mets + "agent", new XAttribute("ROLE", "CREATOR"), new XAttribute("TYPE", "ORGANIZATION"), new XElement(Mets + "name", agencyName))),
            ead is null ? null : new XElement(Mets + "dmdSec", new XAttribute("ID", "dmd-ead"), new XAttribute("CREATED", stamp), MdRef("EAD", ead)),
            premis is null ? null : new XElement(Mets + "amdSec", new XElement(Mets + "digiprovMD", new XAttribute("ID", "prov-premis"), MdRef("PREMIS", premis))),
            new XElement(Mets + "fileSec", groups.Where(g => g.Files.Count > 0).Select(g => new XElement(Mets + "fileGrp", new XAttribute("USE", g.Use),
                g.Files.Select(e => new XElement(Mets + "file", new XAttribute("ID", fileIds[e] = $"file-{++n}"), Checked(e, stamp),
                    new XElement(Mets + "FLocat", new XAttribute("LOCTYPE", "URL"), new XAttribute(XLink + "type", "simple"),
                        new XAttribute(XLink + "href", e.Path[prefix.Length..]))))))),
            new XElement(Mets + "structMap", new XAttribute("TYPE", "PHYSICAL"), new XAttribute("LABEL", "CSIP"),
                new XElement(Mets + "div", new XAttribute("LABEL", id),
                    ead is null ? null : new XElement(Mets + "div", new XAttribute("LABEL", "Metadata"), new XAttribute("DMDID", "dmd-ead"), new XAttribute("ADMID", "prov-premis")),
                    groups.Where(g => g.Files.Count > 0).Select(g => new XElement(Mets + "div", new XAttribute("LABEL", g.Use),
                        g.Files.Select(e => new XElement(Mets + "fptr", new XAttribute("FILEID", fileIds[e]))))))));
    }

    private static XAttribute[] Checked(Entry e, string stamp) =>
    [
        new("MIMETYPE", e.MimeType), new("SIZE", e.Content.LongLength), new("CREATED", stamp), new("CHECKSUM", e.Sha256), new("CHECKSUMTYPE", "SHA-256"),
    ];

    private static byte[] Xml(XElement root)
    {
        using var stream = new MemoryStream();
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(stream);
        return stream.ToArray();
    }

    private static string IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
