using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Signatures;
using DocBpm.Engine;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Outgoing;

/// <summary>The signer's certificates (DER, base64), the signer's own first.</summary>
public sealed record PrepareSignatureRequest(IReadOnlyList<string>? Certificates);

/// <summary>
/// What the signer's token signs: <c>toBeSigned</c> (DER CMS signed attributes; a key that hashes itself signs these
/// bytes with SHA-256) or <c>digest</c> (their SHA-256, for a token that signs hashes). <c>id</c> goes back with the
/// signature, unchanged; it expires after an hour.
/// </summary>
public sealed record PreparedSignatureView(string Id, Guid FileId, DateTimeOffset SigningTime, string DigestAlgorithm, string Digest, string ToBeSigned);

/// <summary>
/// The prepared <c>id</c> and what the signer's key made, base64: the bare signature value (<c>signatureValue</c>) or a
/// detached CMS SignedData over the prepared attributes (<c>cms</c>, DER, at most 64 KB) — exactly one of them.
/// </summary>
public sealed record CompleteSignatureRequest(string? Id, string? SignatureValue, string? Comment, string? Cms = null);

/// <summary>
/// Two-phase signing for a leader's USB token or remote signing service (Article 9.3): the key never reaches the server.
/// Only the leader holding the document's Sign task may call these.
/// </summary>
public static class TokenSigningEndpoints
{
    private static readonly TimeSpan PreparedFor = TimeSpan.FromHours(1);

    public static RouteGroupBuilder MapTokenSigning(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/outgoing/{id:guid}/signature").WithTags("Văn bản đi").RequireAuthorization();
        group.MapPost("/prepare", PrepareAsync);
        group.MapPost("/complete", CompleteAsync);
        return group;
    }

    private static async Task<Ok<PreparedSignatureView>> PrepareAsync(Guid id, PrepareSignatureRequest request, ClaimsPrincipal user,
        TokenSigning signing, IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        var certificates = request.Certificates?.Select(c => Base64(c, "Chứng thư số phải là DER mã hóa base64.")).ToList();
        var prepared = await signing.PrepareAsync(id, certificates, user.ToTaskActor(), cancellationToken);
        var sealedRequest = Protector(protection).Protect(JsonSerializer.Serialize(prepared.Request), PreparedFor);
        return TypedResults.Ok(new PreparedSignatureView(sealedRequest, prepared.Request.FileId, prepared.Request.SigningTime, "SHA-256",
            Convert.ToBase64String(prepared.Digest), Convert.ToBase64String(prepared.ToBeSigned)));
    }

    private static async Task<NoContent> CompleteAsync(Guid id, CompleteSignatureRequest request, ClaimsPrincipal user, TokenSigning signing,
        IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        TokenSigningRequest? prepared;
        try
        {
            prepared = JsonSerializer.Deserialize<TokenSigningRequest>(Protector(protection).Unprotect(request.Id ?? ""));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            prepared = null;
        }

        if (prepared is null)
            throw Malformed("Mã chuẩn bị ký (id) không hợp lệ hoặc đã hết hạn; hãy chuẩn bị ký lại.");
        var output = new SignerOutput(
            request.SignatureValue is null ? null : Base64(request.SignatureValue, "Giá trị chữ ký phải mã hóa base64."),
            request.Cms is null ? null : Base64(request.Cms, "CMS phải là DER mã hóa base64."));
        await signing.CompleteAsync(id, prepared, output, request.Comment, user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("DocBpm.Outgoing.TokenSigning").ToTimeLimitedDataProtector();

    private static byte[] Base64(string? text, string problem)
    {
        try
        {
            return Convert.FromBase64String(text ?? "");
        }
        catch (FormatException)
        {
            throw Malformed(problem);
        }
    }

    private static OutgoingRefusedException Malformed(string detailVi) => new(RefusalKind.Malformed, detailVi, "Malformed two-phase signing request.");
}
