using DocBpm.Documents.Registers;

namespace DocBpm.Documents.Outgoing;

/// <summary>
/// Ký hiệu văn bản (NĐ30 Phụ lục I): a typed document is <c>{type}-{agency}</c> (123/QĐ-SGDĐT), a công văn is
/// <c>{agency}-{drafting unit}</c> (1234/SGDĐT-VP); "/" after the number, "-" between groups, no spaces.
/// </summary>
public static class Notation
{
    public static string Of(DocumentType type, string agencyAbbreviation, string draftingUnit) => type.InNotation
        ? $"{type.Code}-{agencyAbbreviation}"
        : $"{agencyAbbreviation}-{draftingUnit}";

    /// <summary>The printed "số, ký hiệu": numbers below 10 keep their leading zero.</summary>
    public static string NumberAndNotation(int number, string notation) => $"{RegisterNumber.Format(number)}/{notation}";
}
