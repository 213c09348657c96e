using System.Globalization;

namespace DocBpm.Documents.Registers;

/// <summary>A column of a printed register: its Vietnamese heading and its share of the page width.</summary>
public sealed record RegisterColumn(string Heading, double Width);

/// <summary>
/// A register ready to print, whatever its kind: the header lines of NĐ30 Phụ lục IV (Năm; Từ ngày…đến ngày…;
/// Từ số…đến số…) and a table of text cells. Both printers (PDF, XLSX) take only this. A report printed the same way
/// gives its own <paramref name="Lines"/> instead of the register's, and its own <paramref name="SheetName"/>.
/// </summary>
public sealed record RegisterSheet(
    string Title,
    string BookName,
    DateOnly From,
    DateOnly To,
    int? FirstNumber,
    int? LastNumber,
    IReadOnlyList<RegisterColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string>? Lines = null,
    string SheetName = "Sổ đăng ký")
{
    /// <summary>The lines under the title and book name: the report's own, or the register's three of Phụ lục IV.</summary>
    public IReadOnlyList<string> HeaderLines => Lines ?? [$"Năm: {YearText}", DateRangeText, NumberRangeText];

    /// <summary>The register's year; a register is printed one year at a time, as its numbers restart on 1 January.</summary>
    public string YearText => From.Year.ToString(CultureInfo.InvariantCulture);

    public string DateRangeText => $"Từ ngày {RegisterFormat.Date(From)} đến ngày {RegisterFormat.Date(To)}";

    public string NumberRangeText => FirstNumber is { } first && LastNumber is { } last
        ? $"Từ số {RegisterNumber.Format(first)} đến số {RegisterNumber.Format(last)}"
        : "Không có văn bản trong khoảng thời gian này";
}
