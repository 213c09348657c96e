using System.Globalization;
using System.Xml.Linq;

namespace DocBpm.Web.Records;

/// <summary>
/// The metadata of a file and of its documents in the element names of NĐ30 Phụ lục VI (FileCode = OrganId + FileCatalog
/// + FileNotation; DocOrdinal, TypeName, CodeNumber, …), so another archive system reads it without a mapping table.
/// </summary>
public static class RecordMetadata
{
    public static XDocument Write(FileView view, string organId)
    {
        var f = view.File;
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("File",
            new XElement("FileCode", new XElement("OrganId", organId), new XElement("FileCatalog", f.Year), new XElement("FileNotation", f.Notation)),
            new XElement("Title", f.Title),
            new XElement("Maintenance", f.Retention),
            new XElement("Rights", "Sử dụng có điều kiện"),
            new XElement("Creator", f.Keeper),
            new XElement("Language", "Tiếng Việt"),
            new XElement("StartDate", Date(f.StartDate)),
            new XElement("EndDate", Date(f.EndDate)),
            new XElement("DocTotal", view.Documents.Count),
            new XElement("PageTotal", view.Documents.Sum(d => d.Pages ?? 0)),
            new XElement("Description", f.Note),
            new XElement("Documents", view.Documents.Select(d => new XElement("Document",
                new XElement("FileCode", f.Code),
                new XElement("DocOrdinal", d.Ordinal),
                new XElement("TypeName", d.TypeName),
                new XElement("CodeNumber", d.NumberAndNotation?.Split('/')[0]),
                new XElement("CodeNotation", d.NumberAndNotation is { } n && n.Contains('/') ? n[(n.IndexOf('/') + 1)..] : null),
                new XElement("IssuedDate", Date(d.Date)),
                new XElement("OrganName", d.Author),
                new XElement("Subject", d.Subject),
                new XElement("PageAmount", d.Pages))))));
    }

    private static string? Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
