using System.Collections.Immutable;
using DocBpm.Engine.Persistence;

namespace DocBpm.Engine.Timers.Quartz;

/// <summary>The kinds of column Quartz's tables use; each maps to the store type Quartz's own script gives it.</summary>
internal enum ColumnKind
{
    /// <summary>A name or short text: nvarchar(n), but plain <c>text</c> on PostgreSQL.</summary>
    Text,

    /// <summary>A short text that Quartz bounds on PostgreSQL too (the columns added in 4.x).</summary>
    BoundedText,

    /// <summary>Unbounded text: nvarchar(max), TEXT, text.</summary>
    LongText,

    /// <summary>An int that only PostgreSQL's script narrows to smallint.</summary>
    SmallInt,
    Int,
    BigInt,
    Bool,
    Blob,
    Decimal,
}

internal readonly record struct ColumnType(ColumnKind Kind, int Length = 0)
{
    public Type ClrType => Kind switch
    {
        ColumnKind.Text or ColumnKind.BoundedText or ColumnKind.LongText => typeof(string),
        ColumnKind.SmallInt => typeof(short),
        ColumnKind.Int => typeof(int),
        ColumnKind.BigInt => typeof(long),
        ColumnKind.Bool => typeof(bool),
        ColumnKind.Blob => typeof(byte[]),
        _ => typeof(decimal),
    };

    public string StoreType(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => Kind switch
        {
            ColumnKind.Text or ColumnKind.BoundedText => $"NVARCHAR({Length})",
            ColumnKind.LongText => "TEXT",
            ColumnKind.SmallInt or ColumnKind.Int => "INTEGER",
            ColumnKind.BigInt => "BIGINT",
            ColumnKind.Bool => "BIT",
            ColumnKind.Blob => "BLOB",
            _ => "NUMERIC",
        },
        DatabaseProvider.PostgreSql => Kind switch
        {
            ColumnKind.Text or ColumnKind.LongText => "text",
            ColumnKind.BoundedText => $"varchar({Length})",
            ColumnKind.SmallInt => "smallint",
            ColumnKind.Int => "integer",
            ColumnKind.BigInt => "bigint",
            ColumnKind.Bool => "bool",
            ColumnKind.Blob => "bytea",
            _ => "numeric",
        },
        _ => Kind switch
        {
            ColumnKind.Text or ColumnKind.BoundedText => $"nvarchar({Length})",
            ColumnKind.LongText => "nvarchar(max)",
            ColumnKind.SmallInt or ColumnKind.Int => "int",
            ColumnKind.BigInt => "bigint",
            ColumnKind.Bool => "bit",
            ColumnKind.Blob => "varbinary(max)",
            _ => "numeric(13,4)",
        },
    };
}

/// <summary>
/// One column of a Quartz table. The three scripts Quartz ships agree on almost every column; where one of them
/// differs (a narrower int on SQL Server, a NOT NULL only on PostgreSQL) the column carries that provider's variant.
/// </summary>
internal sealed record QuartzColumn(string Name, ColumnType Type, bool IsNullable)
{
    private ImmutableDictionary<DatabaseProvider, QuartzColumn> variants = ImmutableDictionary<DatabaseProvider, QuartzColumn>.Empty;

    /// <summary>The database default, for the columns Quartz 4.x added to existing tables with a default.</summary>
    public object? DefaultValue { get; init; }

    public QuartzColumn On(DatabaseProvider provider, Func<QuartzColumn, QuartzColumn> change) =>
        this with { variants = variants.SetItem(provider, change(this)) };

    public QuartzColumn For(DatabaseProvider provider) => variants.GetValueOrDefault(provider, this);
}

internal sealed record QuartzForeignKey(string PrincipalTable, IReadOnlyList<string> Columns, bool CascadeDelete)
{
    /// <summary>A provider whose script leaves this constraint out.</summary>
    public DatabaseProvider? AbsentOn { get; init; }
}

internal sealed record QuartzIndex(string Name, IReadOnlyList<string> Columns)
{
    public IReadOnlyList<bool>? Descending { get; init; }
}

internal sealed record QuartzTable(string Name, IReadOnlyList<QuartzColumn> Columns, IReadOnlyList<string> Key)
{
    public IReadOnlyList<QuartzForeignKey> ForeignKeys { get; init; } = [];
    public IReadOnlyList<QuartzIndex> Indexes { get; init; } = [];
}
