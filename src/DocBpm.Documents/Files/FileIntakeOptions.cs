namespace DocBpm.Documents.Files;

/// <summary>Configuration section <c>Files</c>.</summary>
public sealed class FileIntakeOptions
{
    public const string Section = "Files";

    /// <summary>The largest file accepted, in bytes (files are stored in the database).</summary>
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;
}
