namespace DocBpm.Documents.Files;

/// <summary>Configuration section <c>Files</c>.</summary>
public sealed class FileIntakeOptions
{
    public const string Section = "Files";

    /// <summary>
    /// The largest file accepted, in bytes. Files live in the database, and an upload must also fit Kestrel's default
    /// 30 MB request limit; 20 MB leaves room for a form or an edXML package's base64 (+33%).
    /// </summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}
