using System.IO.Compression;

namespace DocBpm.Edxml;

/// <summary>
/// How far DocBpm unzips an attachment: total bytes out, files, compression ratio (a zip bomb expands a thousandfold)
/// and zips inside zips.
/// </summary>
public sealed record ArchiveLimits(long MaxTotalBytes, int MaxEntries, int MaxRatio, int MaxNesting)
{
    public static ArchiveLimits Default { get; } = new(EdxmlLimits.Default.MaxAttachmentBytes, EdxmlLimits.Default.MaxAttachments, 100, 2);
}

/// <summary>
/// The convention of the other e-office systems: an attachment sent as <c>application/zip</c> (or named <c>.zip</c>) was
/// zipped by the sender, and the receiver takes in the files inside it. Each inner file is then checked like any
/// attachment (Article 3); anything that could make the receiver write outside its folder or unzip without bound is a
/// problem that refuses the package.
/// </summary>
public static class ZippedAttachments
{
    private static readonly string[] ZipTypes = ["application/zip", "application/x-zip-compressed", "application/x-zip"];

    public static bool IsZipped(EdxmlAttachment attachment) =>
        ZipTypes.Contains(attachment.ContentType.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase)
        || attachment.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>The attachments with every zipped one replaced by the files inside it, or the problems found.</summary>
    public static EdxmlReadResult<IReadOnlyList<EdxmlAttachment>> Expand(IReadOnlyList<EdxmlAttachment> attachments, ArchiveLimits? limits = null)
    {
        var expansion = new Expansion(limits ?? ArchiveLimits.Default);
        var files = new List<EdxmlAttachment>();
        foreach (var attachment in attachments)
        {
            if (IsZipped(attachment))
                expansion.Unzip(attachment, attachment.Name, 1, files);
            else
                files.Add(attachment);
        }

        return expansion.Problems.Count > 0 ? new(null, expansion.Problems) : new(files, []);
    }

    private sealed class Expansion(ArchiveLimits limits)
    {
        private long total;
        private int entries;

        public List<EdxmlProblem> Problems { get; } = [];

        public void Unzip(EdxmlAttachment zip, string at, int nesting, List<EdxmlAttachment> files)
        {
            if (nesting > limits.MaxNesting)
            {
                Problem(at, $"zip nested deeper than {limits.MaxNesting} levels", $"tệp nén lồng nhau quá {limits.MaxNesting} cấp");
                return;
            }

            try
            {
                using var archive = new ZipArchive(new MemoryStream(zip.Content), ZipArchiveMode.Read);
                // A Word or Excel file is itself a zip: declared as application/zip under its own name, it is the file.
                if (archive.GetEntry("[Content_Types].xml") is not null)
                {
                    files.Add(zip);
                    return;
                }

                var before = files.Count;
                foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
                {
                    if (!Refused(entry, $"{at}/{entry.FullName}") && Read(entry, $"{at}/{entry.FullName}") is { } content)
                    {
                        var inner = new EdxmlAttachment($"{zip.ContentId}/{files.Count - before + 1}", entry.Name, "application/octet-stream", content,
                            zip.Description);
                        if (IsZipped(inner))
                            Unzip(inner, $"{at}/{entry.FullName}", nesting + 1, files);
                        else
                            files.Add(inner);
                    }

                    if (Problems.Count > 0)
                        return;
                }

                if (files.Count == before)
                    Problem(at, "the zip holds no file", "tệp nén không chứa tệp nào");
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
            {
                Problem(at, $"not a readable zip: {ex.Message}", "tệp nén bị hỏng hoặc không phải tệp zip");
            }
        }

        private bool Refused(ZipArchiveEntry entry, string at)
        {
            var path = entry.FullName.Replace('\\', '/');
            if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Split('/').Contains(".."))
                Problem(at, "the entry's path leads outside the archive", "đường dẫn trong tệp nén trỏ ra ngoài thư mục giải nén (path traversal)");
            else if (entry.IsEncrypted)
                Problem(at, "the entry is encrypted", "tệp trong tệp nén được đặt mật khẩu, không kiểm tra được nội dung");
            else if (++entries > limits.MaxEntries)
                Problem(at, $"more than {limits.MaxEntries} files in the zip", $"tệp nén chứa quá {limits.MaxEntries} tệp");
            else if (entry.Length > limits.MaxRatio * Math.Max(entry.CompressedLength, 1))
                Problem(at, $"compressed more than {limits.MaxRatio} to 1 (a zip bomb)", $"tỷ lệ nén vượt quá {limits.MaxRatio}:1 (nghi tệp nén độc hại)");
            else if (entry.Length > limits.MaxTotalBytes - total)
                Problem(at, $"unzips to more than {limits.MaxTotalBytes} bytes", $"tệp nén giải ra vượt quá {limits.MaxTotalBytes / (1024 * 1024)} MB");
            return Problems.Count > 0;
        }

        /// <summary>Reads no more than the entry declares: a header that lies about the size is refused, not believed.</summary>
        private byte[]? Read(ZipArchiveEntry entry, string at)
        {
            using var stream = entry.Open();
            var content = new byte[entry.Length];
            stream.ReadExactly(content);
            if (stream.ReadByte() != -1)
            {
                Problem(at, "the entry holds more than its header declares", "tệp trong tệp nén lớn hơn kích thước khai báo (tệp nén bị làm giả)");
                return null;
            }

            total += content.LongLength;
            return content;
        }

        private void Problem(string at, string message, string messageVi) => Problems.Add(new(at, message, messageVi));
    }
}
