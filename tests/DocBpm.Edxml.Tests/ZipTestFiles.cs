using System.IO.Compression;

namespace DocBpm.Edxml.Tests;

/// <summary>Zips built in the test, for the shapes no honest sender writes (bombs, traversal, encryption, nesting).</summary>
internal static class ZipTestFiles
{
    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Sets the "encrypted" flag (general purpose bit 0) in every local and central header, as a password-protected zip has.</summary>
    public static byte[] MarkedEncrypted(byte[] zip)
    {
        var copy = zip.ToArray();
        for (var i = 0; i + 8 < copy.Length; i++)
        {
            if (copy[i] == 0x50 && copy[i + 1] == 0x4b && copy[i + 2] == 0x03 && copy[i + 3] == 0x04)
                copy[i + 6] |= 1;
            else if (copy[i] == 0x50 && copy[i + 1] == 0x4b && copy[i + 2] == 0x01 && copy[i + 3] == 0x02)
                copy[i + 8] |= 1;
        }

        return copy;
    }

    public static EdxmlAttachment Attachment(byte[] zip, string name = "ho-so.zip") => new("z", name, "application/zip", zip);
}
