using DocBpm.Documents.Registers;
using DocBpm.Web.Accounts;
using DocBpm.Web.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using DocBpm.Web.Idempotency;

namespace DocBpm.Web.Registers;

public sealed record RegisterBookView(Guid Id, string Code, string Name, RegisterDirection Direction, bool IsActive)
{
    public static RegisterBookView Of(RegisterBook b) => new(b.Id, b.Code, b.Name, b.Direction, b.IsActive);
}

public sealed record RegisterBookName(string Name);

/// <summary>Register books (NĐ30 art. 15, 22): the administrator keeps them, the clerk reads and prints them.</summary>
public static class RegisterEndpoints
{
    public static RouteGroupBuilder MapRegisters(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/registers").WithTags("Sổ đăng ký văn bản")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.Clerk));
        group.MapGet("/", ListAsync);
        group.MapGet("/{bookId:guid}/export", ExportAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Administrator).Idempotent();
        group.MapPut("/{bookId:guid}", RenameAsync).RequireAuthorization(Policies.Administrator);
        group.MapPost("/{bookId:guid}/deactivate", DeactivateAsync).RequireAuthorization(Policies.Administrator);
        return group;
    }

    private static async Task<Ok<List<RegisterBookView>>> ListAsync(RegisterDirection? direction, bool? includeInactive, RegisterBooks books,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await books.ListAsync(direction, includeInactive ?? false, cancellationToken)).Select(RegisterBookView.Of).ToList());

    private static async Task<Created<RegisterBookView>> CreateAsync(NewRegisterBook request, RegisterBooks books, CancellationToken cancellationToken)
    {
        var book = await books.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/registers/{book.Id}", RegisterBookView.Of(book));
    }

    private static async Task<Ok<RegisterBookView>> RenameAsync(Guid bookId, RegisterBookName request, RegisterBooks books,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(RegisterBookView.Of(await books.RenameAsync(bookId, request.Name, cancellationToken)));

    private static async Task<Ok<RegisterBookView>> DeactivateAsync(Guid bookId, RegisterBooks books, CancellationToken cancellationToken) =>
        TypedResults.Ok(RegisterBookView.Of(await books.DeactivateAsync(bookId, cancellationToken)));

    /// <summary>The register of a date range (inclusive), as PDF to print or XLSX; dates as yyyy-MM-dd or dd/MM/yyyy.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(Guid bookId, string? from, string? to, string? format,
        RegisterExport export, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = Date(from, "from", "Từ ngày", errors);
        var toDate = Date(to, "to", "Đến ngày", errors);
        RegisterFileFormat? fileFormat = format?.ToLowerInvariant() switch
        {
            null or "" or "pdf" => RegisterFileFormat.Pdf,
            "xlsx" => RegisterFileFormat.Xlsx,
            _ => null,
        };
        if (fileFormat is null)
            errors["format"] = ["Định dạng phải là pdf hoặc xlsx."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Không in được sổ đăng ký");

        var file = await export.ExportAsync(bookId, fromDate, toDate, fileFormat!.Value, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static DateOnly Date(string? text, string key, string label, Dictionary<string, string[]> errors)
    {
        if (Vn.TryParseDate(text, out var date))
            return date;
        errors[key] = [$"{label} là bắt buộc, theo dạng ngày/tháng/năm (ví dụ 01/01/2026)."];
        return default;
    }
}
