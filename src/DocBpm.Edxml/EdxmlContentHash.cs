using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DocBpm.Edxml;

/// <summary>
/// What a package says, hashed: the document's identity, subject, business type and files, without the trace the axis
/// stamps on each hop. Two packages with one identifier and one hash are a redelivery; with another hash, a different
/// document claiming the same identifier.
/// </summary>
public static class EdxmlContentHash
{
    public static string Of(EdxmlPackage package)
    {
        var h = package.Header;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { h.DocumentId, h.From.OrganId, h.CodeNumber, h.CodeNotation, EdxmlFormat.Date(h.PromulgationDate), h.Subject,
                     ((int)package.Business.DocType).ToString(CultureInfo.InvariantCulture), package.Business.DocumentId ?? "" })
            Append(hash, Encoding.UTF8.GetBytes(part));
        // Only present when a package changes recipients, so the hashes kept before they were read stay the same.
        foreach (var change in package.Business.ReceiverChanges ?? [])
            Append(hash, Encoding.UTF8.GetBytes((change.Removed ? "-" : "+") + change.OrganId));
        foreach (var attachment in package.Attachments)
        {
            Append(hash, Encoding.UTF8.GetBytes(attachment.Name));
            Append(hash, SHA256.HashData(attachment.Content));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Each part is length-prefixed, so that moving text from one field to the next changes the hash.</summary>
    private static void Append(IncrementalHash hash, byte[] part)
    {
        hash.AppendData(BitConverter.GetBytes(part.Length));
        hash.AppendData(part);
    }
}
