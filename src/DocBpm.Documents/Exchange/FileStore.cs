using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Exchange;

/// <summary>The stored file no longer matches its SHA-256: it is reported, never served.</summary>
public sealed class FileIntegrityException(Guid fileId)
    : Exception($"Stored file {fileId} does not match its SHA-256; it was changed or damaged.")
{
    public Guid FileId { get; } = fileId;
}

/// <summary>Stores files with their SHA-256 in the host's database and checks it on every read.</summary>
public sealed class FileStore(DbContext db, TimeProvider time)
{
    /// <summary>Adds a file to the unit of work; it is stored with the caller's SaveChanges.</summary>
    public StoredFile Add(string name, string contentType, byte[] content)
    {
        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            ContentType = contentType,
            Content = content,
            Size = content.LongLength,
            Sha256 = Hash(content),
            StoredAt = time.GetUtcNow().ToUniversalTime(),
        };
        db.Set<StoredFile>().Add(file);
        return file;
    }

    public async Task<StoredFile> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        // A file added earlier in the same process step is not saved yet, but the next activity may read it.
        var file = db.Set<StoredFile>().Local.FirstOrDefault(f => f.Id == id)
            ?? await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new FileNotFoundException($"Stored file {id} does not exist.");
        if (!string.Equals(Hash(file.Content), file.Sha256, StringComparison.Ordinal))
            throw new FileIntegrityException(id);
        return file;
    }

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
