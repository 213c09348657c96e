namespace DocBpm.Documents.Files;

/// <summary>
/// A format of Article 3 of the regulation, as recognised by content: its Vietnamese name, the content types it may be
/// declared as (the first is the one stored by default) and the file name extensions it may carry.
/// </summary>
public sealed record FileFormat(string NameVi, IReadOnlyList<string> ContentTypes, IReadOnlyList<string> Extensions)
{
    public string ContentType => ContentTypes[0];

    public static readonly FileFormat Pdf = new("PDF", ["application/pdf", "application/x-pdf"], ["pdf"]);
    public static readonly FileFormat Doc = new("Word 97-2003", ["application/msword"], ["doc"]);
    public static readonly FileFormat Xls = new("Excel 97-2003", ["application/vnd.ms-excel"], ["xls"]);
    public static readonly FileFormat Docx = new("Word", ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"], ["docx"]);
    public static readonly FileFormat Xlsx = new("Excel", ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"], ["xlsx"]);
    public static readonly FileFormat Odt = new("OpenDocument văn bản", ["application/vnd.oasis.opendocument.text"], ["odt"]);
    public static readonly FileFormat Ods = new("OpenDocument bảng tính", ["application/vnd.oasis.opendocument.spreadsheet"], ["ods"]);
    public static readonly FileFormat Rtf = new("RTF", ["application/rtf", "text/rtf"], ["rtf"]);

    /// <summary>Plain UTF-8 text; a CSV file is text too, told apart only by what it is called.</summary>
    public static readonly FileFormat Text = new("văn bản thuần (UTF-8)", ["text/plain", "text/csv", "application/csv"], ["txt", "csv"]);

    public static readonly FileFormat Jpeg = new("ảnh JPEG", ["image/jpeg", "image/pjpeg"], ["jpg", "jpeg"]);
    public static readonly FileFormat Png = new("ảnh PNG", ["image/png"], ["png"]);
    public static readonly FileFormat Tiff = new("ảnh TIFF", ["image/tiff"], ["tif", "tiff"]);
    public static readonly FileFormat Gif = new("ảnh GIF", ["image/gif"], ["gif"]);

    /// <summary>Every accepted format, for listing in messages and the upload form.</summary>
    public static IReadOnlyList<FileFormat> Accepted { get; } = [Pdf, Doc, Docx, Odt, Text, Rtf, Xls, Xlsx, Ods, Jpeg, Png, Tiff, Gif];

    public static string AcceptedExtensions => string.Join(", ", Accepted.SelectMany(f => f.Extensions));
}
