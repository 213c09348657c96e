using DocBpm.Documents.Signatures;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using DocBpm.Web.Idempotency;

namespace DocBpm.Web.Signatures;

public sealed record NewSigningAuthority(SignerKind Kind, string Name, string? Thumbprint, string? SubjectIdentifier,
    string? AgencyCode, string? Position, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo);

/// <summary>The clerk's signature check of an uploaded PDF, and the admin's registry of signing authorities.</summary>
public static class SignatureEndpoints
{
    public static RouteGroupBuilder MapSignatures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/signatures").WithTags("Chữ ký số");
        // Kestrel's 30 MB default would refuse files the configured limit allows, with a less helpful message.
        var limit = app.ServiceProvider.GetRequiredService<IOptions<SignatureOptions>>().Value.MaxFileBytes;
        group.MapPost("/verify", VerifyAsync).RequireAuthorization().DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit + (1024 * 1024)));
        group.MapGet("/authorities", (SignerRegistry registry, CancellationToken ct) => ListAsync(registry, ct))
            .RequireAuthorization(Policies.Administrator);
        group.MapPost("/authorities", AddAsync).RequireAuthorization(Policies.Administrator).Idempotent();
        group.MapDelete("/authorities/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, SignerRegistry registry, CancellationToken ct) =>
            await registry.RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization(Policies.Administrator);
        app.MapSignatureImages();
        return group;
    }

    /// <summary>Articles 6.1, 8.1a: the clerk uploads a PDF (form field <c>file</c>) and reads the signature report.</summary>
    /// <remarks>A file that cannot be checked is a <see cref="SignatureInputException"/>: 413 or 422 with its code.</remarks>
    private static async Task<Results<Ok<SignatureReport>, ValidationProblem>> VerifyAsync(
        IFormFile? file, DocumentSignatures signatures, IOptions<SignatureOptions> options, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Hãy chọn tệp PDF cần kiểm tra."] },
                title: "Thiếu tệp văn bản");
        if (file.Length > options.Value.MaxFileBytes)
            throw new SignatureInputException("too-large", $"Tệp quá lớn; giới hạn là {options.Value.MaxFileBytes / 1024 / 1024} MB.",
                $"Upload of {file.Length} bytes exceeds the limit of {options.Value.MaxFileBytes} bytes.");
        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        return TypedResults.Ok(await signatures.VerifyAsync(content.ToArray(), cancellationToken));
    }

    private static async Task<Ok<List<SigningAuthority>>> ListAsync(SignerRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(cancellationToken));

    private static async Task<Results<Created<SigningAuthority>, ValidationProblem>> AddAsync(NewSigningAuthority request, SignerRegistry registry,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is not (SignerKind.Person or SignerKind.Organisation))
            errors["kind"] = ["Loại phải là Person (người có thẩm quyền ký) hoặc Organisation (cơ quan, tổ chức)."];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            errors["name"] = ["Tên là bắt buộc và không quá 200 ký tự."];
        if (string.IsNullOrWhiteSpace(request.Thumbprint) && string.IsNullOrWhiteSpace(request.SubjectIdentifier))
            errors["subjectIdentifier"] = ["Cần dấu vân tay chứng thư (SHA-256) hoặc mã định danh trong chứng thư (ví dụ CCCD:…, MNS:…)."];
        if (request.Thumbprint is { Length: > 0 } thumbprint && (thumbprint.Trim().Length != 64 || !thumbprint.Trim().All(char.IsAsciiHexDigit)))
            errors["thumbprint"] = ["Dấu vân tay SHA-256 gồm đúng 64 ký tự hexa."];
        if (request.SubjectIdentifier?.Length > 100 || request.AgencyCode?.Length > 30 || request.Position?.Length > 100)
            errors["subjectIdentifier"] = ["Mã định danh tối đa 100, mã cơ quan 30, chức vụ 100 ký tự."];
        if (request.ValidFrom is { } from && request.ValidTo is { } to && to < from)
            errors["validTo"] = ["Ngày hết hiệu lực phải sau ngày bắt đầu."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Thông tin người/cơ quan có thẩm quyền ký không hợp lệ");
        var saved = await registry.AddAsync(new SigningAuthority
        {
            Kind = request.Kind,
            Name = request.Name.Trim(),
            Thumbprint = request.Thumbprint,
            SubjectIdentifier = request.SubjectIdentifier?.Trim(),
            AgencyCode = request.AgencyCode?.Trim(),
            Position = request.Position?.Trim(),
            ValidFrom = request.ValidFrom?.ToUniversalTime(),
            ValidTo = request.ValidTo?.ToUniversalTime(),
        }, cancellationToken);
        return TypedResults.Created($"/api/signatures/authorities/{saved.Id}", saved);
    }
}
