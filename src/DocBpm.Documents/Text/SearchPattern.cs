namespace DocBpm.Documents.Text;

/// <summary>
/// What a person types into a search box, as a LIKE pattern over the stored search keys: folded as the keys are (so
/// "KE HOACH" finds "Kế hoạch"), with the pattern's own characters escaped so that "50%" or "a_b" find themselves and
/// not anything. Use with <see cref="Escape"/>: <c>EF.Functions.Like(d.SubjectKey, SearchPattern.Containing(text), SearchPattern.Escape)</c>.
/// </summary>
public static class SearchPattern
{
    public const string Escape = "\\";

    /// <summary>The folded <paramref name="text"/> anywhere in a key.</summary>
    public static string Containing(string text) => "%" + Escaped(VietnameseText.SearchKey(text)) + "%";

    // '[' opens a character class on SQL Server; escaped, it is itself on every provider.
    private static string Escaped(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal)
            .Replace("[", Escape + "[", StringComparison.Ordinal);
}
