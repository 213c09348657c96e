namespace DocBpm.Documents.Records;

/// <summary>
/// One row of a retention schedule (e.g. TT 08/2025/TT-BGDĐT, TT 10/2022/TT-BNV): the admin imports the rows, since
/// the periods are published as tables and change with the law; file plans pick from them.
/// </summary>
public sealed class RetentionRule
{
    public Guid Id { get; set; }

    /// <summary>The instrument, e.g. "TT 08/2025/TT-BGDĐT".</summary>
    public required string Source { get; set; }

    public required string Group { get; set; }
    public required string Item { get; set; }

    /// <summary>Years to keep; null is "Vĩnh viễn".</summary>
    public int? Years { get; set; }
}

/// <summary>"Vĩnh viễn" or N years (NĐ30 Phụ lục V column 3).</summary>
public static class Retention
{
    public const int MaxYears = 100;

    public static string Vietnamese(int? years) => years is { } y ? $"{y} năm" : "Vĩnh viễn";

    /// <summary>Refuses a period outside 1–<see cref="MaxYears"/> years; null ("Vĩnh viễn") is a period too.</summary>
    public static void Expect(int? years)
    {
        if (years is < 1 or > MaxYears)
            throw RecordsRefusedException.Invalid("retention-range", $"Thời hạn bảo quản phải từ 1 đến {MaxYears} năm, hoặc Vĩnh viễn.",
                $"Retention {years} is out of range.");
    }
}
