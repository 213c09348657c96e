using System.Security.Claims;
using DocBpm.Documents;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Signatures;
using DocBpm.Engine;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Signatures;

/// <summary>A stored signature or seal image: its size in pixels and bytes, and who uploaded it when.</summary>
public sealed record SignatureImageView(string Owner, int Width, int Height, int Bytes, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static SignatureImageView Of(SignatureImage image) =>
        new(image.Owner, image.Width, image.Height, image.Png.Length, image.UpdatedAt, image.UpdatedBy);
}

/// <summary>
/// The admin's signature images (NĐ30 Phụ lục I): a leader's handwritten signature per account and the agency's seal,
/// each a PNG sent as the request body (<c>Content-Type: image/png</c>). Admin only.
/// </summary>
public static class SignatureImageEndpoints
{
    public static RouteGroupBuilder MapSignatureImages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/signature-images").WithTags("Chữ ký số").RequireAuthorization(Policies.Administrator);
        group.MapPut("/people/{userName}", async (string userName, HttpRequest request, ClaimsPrincipal user, IPeopleDirectory people, SignatureImages images,
            CancellationToken ct) => await PutAsync(await PersonAsync(userName, people, ct), request, user, images, ct));
        group.MapGet("/people/{userName}", async (string userName, IPeopleDirectory people, SignatureImages images, CancellationToken ct) =>
            await GetAsync(await PersonAsync(userName, people, ct), images, ct));
        group.MapDelete("/people/{userName}", async (string userName, IPeopleDirectory people, SignatureImages images, CancellationToken ct) =>
            await DeleteAsync(await PersonAsync(userName, people, ct), images, ct));
        group.MapPut("/agency", (HttpRequest request, ClaimsPrincipal user, SignatureImages images, CancellationToken ct) =>
            PutAsync(SignatureImage.AgencyOwner, request, user, images, ct));
        group.MapGet("/agency", (SignatureImages images, CancellationToken ct) => GetAsync(SignatureImage.AgencyOwner, images, ct));
        group.MapDelete("/agency", (SignatureImages images, CancellationToken ct) => DeleteAsync(SignatureImage.AgencyOwner, images, ct));
        return group;
    }

    /// <summary>Stores the PNG in the body; anything but a PNG within the limits is 422 and stores nothing.</summary>
    private static async Task<Ok<SignatureImageView>> PutAsync(string owner, HttpRequest request, ClaimsPrincipal user, SignatureImages images,
        CancellationToken cancellationToken)
    {
        var png = await BoundedBodyAsync(request.Body, cancellationToken);
        var saved = await images.SetAsync(owner, png, user.Identity?.Name ?? "", cancellationToken);
        return TypedResults.Ok(SignatureImageView.Of(saved));
    }

    private static async Task<FileContentHttpResult> GetAsync(string owner, SignatureImages images, CancellationToken cancellationToken) =>
        await images.FindAsync(owner, cancellationToken) is { } image ? TypedResults.File(image.Png, "image/png") : throw Missing(owner);

    private static async Task<NoContent> DeleteAsync(string owner, SignatureImages images, CancellationToken cancellationToken) =>
        await images.RemoveAsync(owner, cancellationToken) ? TypedResults.NoContent() : throw Missing(owner);

    private static async Task<string> PersonAsync(string userName, IPeopleDirectory people, CancellationToken cancellationToken) =>
        userName.Length <= 256 && await people.FindAsync(userName, cancellationToken) is { } person
            ? SignatureImage.PersonOwner(person.UserName)
            : throw new DocumentRefusedException(RefusalKind.NotFound, "Không tìm thấy tài khoản", $"Không có tài khoản \"{userName}\".",
                $"No account {userName} for a signature image.");

    private static DocumentRefusedException Missing(string owner) =>
        new(RefusalKind.NotFound, "Chưa có ảnh", "Chưa tải lên ảnh chữ ký hoặc con dấu này.", $"No signature image for {owner}.");

    /// <summary>Reads one byte past the limit at most, so that an over-long upload is refused without being held whole.</summary>
    private static async Task<byte[]> BoundedBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length <= SignaturePng.MaxBytes && (read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
