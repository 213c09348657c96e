using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DocBpm.Edxml;

/// <summary>
/// The national identifier of an exchanged document, as carried in edXML <c>DocumentId</c>:
/// <c>{agency code},{promulgation date yyyy/MM/dd},{number}/{notation}</c>, e.g.
/// <c>000.00.12.H37,2026/11/25,123/QĐ-SGDĐT</c>. Status messages refer back to a document by it.
/// </summary>
public readonly record struct DocumentIdentifier(AgencyCode Agency, DateOnly PromulgationDate, string CodeNumber, string CodeNotation)
{
    public const string DateFormat = "yyyy/MM/dd";

    public static bool TryParse([NotNullWhen(true)] string? text, out DocumentIdentifier identifier)
    {
        identifier = default;
        var parts = text?.Split(',', 3, StringSplitOptions.TrimEntries);
        if (parts is not { Length: 3 } || !AgencyCode.TryParse(parts[0], out var agency)
            || !DateOnly.TryParseExact(parts[1], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        var slash = parts[2].IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == parts[2].Length - 1)
            return false;
        identifier = new DocumentIdentifier(agency, date, parts[2][..slash], parts[2][(slash + 1)..]);
        return true;
    }

    public static DocumentIdentifier Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a document identifier (agency,yyyy/MM/dd,number/notation).");

    /// <summary>Number and notation as printed: 123/QĐ-SGDĐT.</summary>
    public string Code => $"{CodeNumber}/{CodeNotation}";

    public override string ToString() =>
        $"{Agency},{PromulgationDate.ToString(DateFormat, CultureInfo.InvariantCulture)},{Code}";
}
