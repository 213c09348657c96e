using System.Globalization;

namespace DocBpm.Documents.Registers;

/// <summary>A number allocated in a register book for one year (số đến / số đi).</summary>
public readonly record struct RegisterNumber(Guid BookId, int Year, int Value)
{
    /// <summary>The printed form: numbers below 10 keep a leading zero ("01".."09"), NĐ30 Phụ lục I.</summary>
    public string Text => Format(Value);

    public static string Format(int value) => value.ToString("00", CultureInfo.InvariantCulture);

    public override string ToString() => Text;
}
