namespace DocBpm.Documents.Files;

/// <summary>A file received, uploaded or produced, stored with its SHA-256 so that every read can be checked.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }

    /// <summary>The file name as given, in Unicode NFC, without any folder part.</summary>
    public required string Name { get; set; }

    /// <summary>The content type detected from the content (never the one the sender declared).</summary>
    public required string ContentType { get; set; }

    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}
