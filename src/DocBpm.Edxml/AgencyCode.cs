using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace DocBpm.Edxml;

/// <summary>
/// An agency identifier code (mã định danh, QĐ 20/2020/QĐ-TTg): <c>CCC.BB.AA.XNN</c>, e.g. <c>000.00.00.H37</c> for
/// the People's Committee of Lạng Sơn. Unused levels are zero-filled.
/// </summary>
public readonly partial record struct AgencyCode
{
    private AgencyCode(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out AgencyCode code)
    {
        code = default;
        if (text is null || !Pattern().IsMatch(text.Trim()))
            return false;
        code = new AgencyCode(text.Trim());
        return true;
    }

    public static AgencyCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not an agency identifier code (CCC.BB.AA.XNN).");

    public override string ToString() => Value ?? "";

    [GeneratedRegex(@"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
