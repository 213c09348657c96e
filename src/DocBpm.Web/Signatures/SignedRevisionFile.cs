using DocBpm.Documents.Files;
using DocBpm.Documents.Signatures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Signatures;

/// <summary>
/// The revision one signature of a stored PDF covers, for the routes of the feature that owns the file (each checks
/// first that the person may read it). Served inline as a PDF: the document page draws it with the PDF preview beside
/// the current file, and its link opens it in the browser's own viewer.
/// </summary>
public static class SignedRevisionFile
{
    public const string Segment = "signatures/{number:int}/signed-revision";

    public static string Url(string fileUrl, int number) => $"{fileUrl}/signatures/{number}/signed-revision";

    public static async Task<Results<FileContentHttpResult, NotFound>> ServeAsync(Guid fileId, int number, FileStore files, SignedRevisions revisions,
        CancellationToken cancellationToken)
    {
        var file = await files.ReadAsync(fileId, cancellationToken);
        return revisions.Extract(file.Content, number) is { } signed
            ? TypedResults.File(signed, "application/pdf")
            : TypedResults.NotFound();
    }

    /// <summary>The signatures of a stored file for the page's signature panel; none when the file is no readable PDF (the report says why).</summary>
    public static async Task<SignedFileView> ListAsync(Guid fileId, FileStore files, SignedRevisions revisions,
        CancellationToken cancellationToken)
    {
        var file = await files.ReadAsync(fileId, cancellationToken);
        try
        {
            return new(file.Name, file.Size, file.ContentType == "application/pdf" ? revisions.List(file.Content) : []);
        }
        catch (SignatureInputException)
        {
            return new(file.Name, file.Size, []);
        }
    }
}

/// <summary>A stored PDF as the signature panel shows it: its name and size for the previews, and what each signature signed.</summary>
public sealed record SignedFileView(string Name, long Size, IReadOnlyList<SignedRevision> Revisions)
{
    public static SignedFileView None { get; } = new("", 0, []);
}
