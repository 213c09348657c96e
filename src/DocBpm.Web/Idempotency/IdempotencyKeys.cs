using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Idempotency;

/// <summary>Marks an endpoint that creates a record as taking an <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentAction
{
    public static IdempotentAction Instance { get; } = new();
}

/// <summary>
/// <c>Idempotency-Key</c> on the document actions that create records: a client that lost the answer sends the same
/// request with the same key again and gets the first answer, not a second record; the same key with another request is
/// refused (422). Only successful answers are kept: a refusal stores nothing, so the retry runs again.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Longest key: with the person's name it fits the 400-character key columns.</summary>
    public const int MaxLength = 100;

    public static TBuilder Idempotent<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotentAction.Instance);

    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    /// <summary>The Vietnamese refusal of a key that is empty, too long or holds a control character; null for a good key.</summary>
    public static Dictionary<string, string[]>? Refusal(string key) =>
        key.Length is 0 or > MaxLength || key.Any(char.IsControl)
            ? new() { [Header] = [$"Khóa chống lặp (Idempotency-Key) dài từ 1 đến {MaxLength} ký tự, không chứa ký tự điều khiển."] }
            : null;

    /// <summary>
    /// What the request says, hashed: method, path and query, and the body. A form is read field by field (files by their
    /// content), since a client re-sending the same form may choose another multipart boundary.
    /// </summary>
    internal static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add($"{request.Method} {request.Path}{request.QueryString}");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
                Add($"{field.Key}={string.Join("\u001f", field.Value.ToArray())}");
            foreach (var file in form.Files.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.FileName, StringComparer.Ordinal))
            {
                await using var content = file.OpenReadStream();
                Add($"{file.Name}:{file.FileName}:{Convert.ToHexString(await SHA256.HashDataAsync(content, cancellationToken))}");
            }
        }
        else
        {
            request.EnableBuffering();
            Add(request.ContentType ?? "");
            hash.AppendData(await SHA256.HashDataAsync(request.Body, cancellationToken));
            request.Body.Position = 0;
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The earlier request under the key, if any.</summary>
    internal static Task<IdempotentRequest?> EarlierAsync(DbContext db, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
}
