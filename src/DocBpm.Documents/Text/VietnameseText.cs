using System.Text;

namespace DocBpm.Documents.Text;

/// <summary>
/// Vietnamese arrives both precomposed and decomposed ("ế" as one code point or as e + ◌̂ + ◌́), depending on the
/// keyboard, the OS and the sender's system; the same word must compare, search and sort as one. Everything stored
/// from outside (file names, subjects, names) goes through here once, in Unicode NFC.
/// </summary>
public static class VietnameseText
{
    /// <summary>NFC, trimmed, control characters removed; null stays null.</summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
            return null;
        var composed = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
                builder.Append(c);
        }

        return builder.ToString().Trim();
    }
}
