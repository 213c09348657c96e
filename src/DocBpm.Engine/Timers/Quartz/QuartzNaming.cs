using System.Text;
using DocBpm.Engine.Persistence;

namespace DocBpm.Engine.Timers.Quartz;

/// <summary>
/// What Quartz's tables, columns and constraints are called on one database. Quartz writes its SQL unquoted
/// ("qrtz_TRIGGERS", "SCHED_NAME"): SQLite and SQL Server match that case-insensitively, PostgreSQL folds it to lower
/// case. EF quotes every identifier, so on PostgreSQL the names it creates must already be lower case — whatever the
/// case of the prefix. Constraint names are the ones Quartz's own scripts produce, so a database created by those
/// scripts and one created by EF are the same schema.
/// </summary>
internal sealed class QuartzNaming
{
    private const int PostgresMaxIdentifier = 63;

    private readonly DatabaseProvider provider;
    private readonly string prefix;

    /// <summary>The tables live in the connection's default schema: a prefix naming a schema is refused.</summary>
    public QuartzNaming(DatabaseProvider provider, string tablePrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tablePrefix);
        if (!tablePrefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"A Quartz table prefix is letters, digits and '_' only: '{tablePrefix}'.", nameof(tablePrefix));
        this.provider = provider;
        prefix = tablePrefix;
    }

    public string Table(string name) => Fold(prefix + name);

    public string Column(string name) => Fold(name);

    public string Index(string name) => Fold("IDX_" + prefix + name);

    public string PrimaryKey(string table) => provider == DatabaseProvider.PostgreSql
        ? PostgresConstraintName(Table(table), null, "pkey")
        : $"PK_{prefix}{table}";

    public string ForeignKey(string table, QuartzForeignKey foreignKey) => provider == DatabaseProvider.PostgreSql
        ? PostgresConstraintName(Table(table), ForeignKeyColumns(foreignKey), "fkey")
        : $"FK_{prefix}{table}_{prefix}{foreignKey.PrincipalTable}";

    private string Fold(string name) => provider == DatabaseProvider.PostgreSql ? name.ToLowerInvariant() : name;

    /// <summary>The column part PostgreSQL gives an unnamed foreign key: the columns joined by "_".</summary>
    private string ForeignKeyColumns(QuartzForeignKey foreignKey)
    {
        var names = new StringBuilder();
        foreach (var column in foreignKey.Columns)
        {
            if (names.Length > 0)
                names.Append('_');
            names.Append(Column(column));
            if (names.Length > PostgresMaxIdentifier)
                break;
        }

        return names.ToString();
    }

    /// <summary>
    /// PostgreSQL's name for a constraint the DDL left unnamed: "table_columns_label", shortening the longer of the
    /// table and column parts a character at a time until the whole fits in an identifier.
    /// </summary>
    private static string PostgresConstraintName(string table, string? columns, string label)
    {
        var available = PostgresMaxIdentifier - (columns is null ? 0 : 1) - (label.Length + 1);
        int tableChars = table.Length, columnChars = columns?.Length ?? 0;
        while (tableChars + columnChars > available)
        {
            if (tableChars > columnChars)
                tableChars--;
            else
                columnChars--;
        }

        return columns is null
            ? $"{table[..tableChars]}_{label}"
            : $"{table[..tableChars]}_{columns[..columnChars]}_{label}";
    }
}
