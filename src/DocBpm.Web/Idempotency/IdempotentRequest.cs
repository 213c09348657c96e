using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Idempotency;

/// <summary>
/// A request sent with an <c>Idempotency-Key</c>: whose key it was, what the request said (a hash) and the answer it got,
/// kept in the database so that a retry reaching any host gets the same answer.
/// </summary>
public sealed class IdempotentRequest
{
    public const int KeyLength = 400;

    /// <summary>The person's user name and their key: two people's keys never meet.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the method, the path and the body (for a form: its fields and its files' contents).</summary>
    public required string Fingerprint { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The first answer's status; null while it is not known (the request is running, or its host stopped).</summary>
    public int? Status { get; set; }

    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public byte[]? Body { get; set; }
}

public static class IdempotencyModel
{
    public static ModelBuilder ApplyIdempotency(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotentRequest>(e =>
        {
            e.ToTable("doc_idempotent_requests");
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasMaxLength(IdempotentRequest.KeyLength);
            e.Property(r => r.Fingerprint).HasMaxLength(64);
            e.Property(r => r.ContentType).HasMaxLength(200);
            e.Property(r => r.Location).HasMaxLength(2000);
            e.HasIndex(r => r.At);
        });
        return modelBuilder;
    }
}
