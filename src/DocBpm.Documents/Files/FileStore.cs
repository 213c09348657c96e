using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Files;

/// <summary>
/// Stores files with their SHA-256 in the host's database and checks it on every read: a damaged or altered file is
/// reported (<see cref="FileIntegrityException"/>), never served. Files are only ever read through here.
/// </summary>
public sealed partial class FileStore(DbContext db, TimeProvider time, IOptions<FileIntakeOptions> options, ILogger<FileStore> logger)
{
    /// <summary>
    /// Checks a file from outside (<see cref="FileIntake"/>: Article 3 format by content, size, name) and adds it to
    /// the unit of work; it is stored with the caller's SaveChanges. Throws <see cref="FileRefusedException"/>.
    /// </summary>
    public StoredFile Add(string name, string? declaredContentType, byte[] content)
    {
        var accepted = FileIntake.Check(name, declaredContentType, content, options.Value.MaxBytes);
        return Store(accepted.Name, accepted.ContentType, content);
    }

    /// <summary>
    /// Adds a file DocBpm produced itself (an edXML package, a printed register): no intake checks. A step that must
    /// produce its file once passes the file's <paramref name="id"/>, derived from what it was made of, so that a
    /// second run finds it (<see cref="ExistsAsync"/>) and a racing one fails on the key instead of storing a copy.
    /// </summary>
    public StoredFile AddGenerated(string name, string contentType, byte[] content, Guid? id = null) =>
        Store(FileIntake.CleanName(name), contentType, content, id);

    /// <summary>Whether the file is stored or added to this unit of work.</summary>
    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<StoredFile>().Local.Any(f => f.Id == id) || await db.Set<StoredFile>().AnyAsync(f => f.Id == id, cancellationToken);

    public async Task<StoredFile> ReadAsync(Guid id, CancellationToken cancellationToken)
    {
        // A file added earlier in the same unit of work (a step that signs, then dispatches) is read before it is saved.
        var file = db.Set<StoredFile>().Local.FirstOrDefault(f => f.Id == id)
            ?? await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new StoredFileNotFoundException(id);
        if (!string.Equals(Hash(file.Content), file.Sha256, StringComparison.Ordinal))
        {
            LogDamaged(id, file.Name);
            throw new FileIntegrityException(id);
        }

        return file;
    }

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private StoredFile Store(string name, string contentType, byte[] content, Guid? id = null)
    {
        var file = new StoredFile
        {
            Id = id ?? Guid.CreateVersion7(),
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored file {FileId} ({Name}) does not match its SHA-256; it was not served")]
    private partial void LogDamaged(Guid fileId, string name);
}
