using System.Globalization;
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

    /// <summary>
    /// The form a search compares: no diacritics, đ as d, lower case, single spaces ("Quyết  Định" → "quyet dinh"), so
    /// a person typing without Vietnamese input still finds the document, the same on SQLite and PostgreSQL.
    /// </summary>
    public static string SearchKey(string? text)
    {
        var decomposed = (Normalize(text) ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var folded = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (!char.IsWhiteSpace(folded) || (builder.Length > 0 && builder[^1] != ' '))
                builder.Append(char.IsWhiteSpace(folded) ? ' ' : folded);
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// <see cref="SearchKey(string?)"/> cut to the <paramref name="length"/> of the column that stores it: canonical
    /// decomposition can lengthen some scripts (Hangul); a key cut short still finds its start, a row too long would not save.
    /// </summary>
    public static string SearchKey(string? text, int length)
    {
        var key = SearchKey(text);
        return key.Length > length ? key[..length] : key;
    }
}
