using System.Globalization;
using System.Text.RegularExpressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Timers.Quartz;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DocBpm.Engine.Tests.Quartz;

/// <summary>
/// A schema written as sorted lines — one per column, key, foreign key and index — so that Quartz's shipped script and
/// EF's model of it compare as text, with a readable difference when they part.
/// </summary>
internal sealed partial class SchemaOutline(DatabaseProvider provider)
{
    private readonly List<string> lines = [];

    public static IReadOnlyList<string> FromQuartzScript(DatabaseProvider provider, string tablePrefix)
    {
        var outline = new SchemaOutline(provider);
        foreach (var statement in QuartzSchema.Statements(provider, tablePrefix))
            outline.AddStatement(statement);
        return outline.Sorted();
    }

    public static IReadOnlyList<string> FromModel(IModel model, DatabaseProvider provider)
    {
        var outline = new SchemaOutline(provider);
        foreach (var table in model.GetRelationalModel().Tables)
            outline.AddTable(table);
        return outline.Sorted();
    }

    /// <summary>Empty when the two outlines agree; otherwise the lines only one of them has.</summary>
    public static string Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        return missing.Count == 0 && extra.Count == 0
            ? ""
            : $"expected but missing:\n  {string.Join("\n  ", missing)}\nunexpected:\n  {string.Join("\n  ", extra)}";
    }

    private IReadOnlyList<string> Sorted() => [.. lines.Order(StringComparer.Ordinal)];

    private void AddStatement(string statement)
    {
        if (CreateTable().Match(statement) is { Success: true } table)
        {
            var name = Identifier(table.Groups["table"].Value, quoted: false);
            foreach (var line in table.Groups["body"].Value.Split('\n').Select(l => l.Trim().TrimEnd(',')).Where(l => l.Length > 0))
                AddScriptLine(name, line);
        }
        else if (CreateIndex().Match(statement) is { Success: true } index)
        {
            var columns = index.Groups["columns"].Value.Split(',').Select(c => c.Trim().Split(' ')).ToList();
            AddIndex(Identifier(index.Groups["name"].Value, quoted: false), Identifier(index.Groups["table"].Value, quoted: false),
                columns.Select(c => Identifier(c[0], quoted: false)),
                columns.Select(c => c.Length > 1 && c[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)));
        }
        else if (!statement.StartsWith("CREATE TRIGGER", StringComparison.OrdinalIgnoreCase))
        {
            // SQLite's delete triggers duplicate the ON DELETE CASCADE the foreign keys already carry; anything else is new.
            throw new AssertFailedException($"Quartz's script has a statement the outline does not know:\n{statement}");
        }
    }

    private void AddScriptLine(string table, string line)
    {
        if (PrimaryKey().Match(line) is { Success: true } key)
        {
            AddPrimaryKey(table, Columns(key.Groups["columns"].Value), Named(key));
        }
        else if (ForeignKey().Match(line) is { Success: true } foreignKey)
        {
            AddForeignKey(table, Columns(foreignKey.Groups["columns"].Value),
                Identifier(foreignKey.Groups["principal"].Value, quoted: false), Columns(foreignKey.Groups["principalColumns"].Value),
                foreignKey.Groups["cascade"].Success, Named(foreignKey));
        }
        else if (Column().Match(line) is { Success: true } column)
        {
            var rest = column.Groups["rest"].Value;
            AddColumn(table, Identifier(column.Groups["name"].Value, quoted: false), column.Groups["type"].Value,
                !rest.Contains("NOT NULL", StringComparison.OrdinalIgnoreCase), DefaultClause().Match(rest).Groups["value"].Value);
        }
        else
        {
            throw new AssertFailedException($"Quartz's script has a table line the outline does not know: {line}");
        }

        IEnumerable<string> Columns(string list) => list.Split(',').Select(c => Identifier(c.Trim(), quoted: false));
        string? Named(Match match) => match.Groups["name"].Success ? Identifier(match.Groups["name"].Value, quoted: false) : null;
    }

    private void AddTable(ITable table)
    {
        var name = Identifier(table.Name, quoted: true);
        foreach (var column in table.Columns)
        {
            AddColumn(name, Identifier(column.Name, quoted: true), column.StoreType, column.IsNullable,
                column.DefaultValue switch
                {
                    null => "",
                    bool flag => flag ? "1" : "0",
                    IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                    var value => value.ToString() ?? "",
                });
        }

        // Only SQL Server's script names its keys; elsewhere the database names them (checked on a live database).
        var named = provider == DatabaseProvider.SqlServer;
        AddPrimaryKey(name, table.PrimaryKey!.Columns.Select(c => Identifier(c.Name, quoted: true)),
            named ? Identifier(table.PrimaryKey.Name, quoted: true) : null);
        foreach (var foreignKey in table.ForeignKeyConstraints)
        {
            AddForeignKey(name, foreignKey.Columns.Select(c => Identifier(c.Name, quoted: true)),
                Identifier(foreignKey.PrincipalTable.Name, quoted: true),
                foreignKey.PrincipalColumns.Select(c => Identifier(c.Name, quoted: true)),
                foreignKey.OnDeleteAction == ReferentialAction.Cascade, named ? Identifier(foreignKey.Name, quoted: true) : null);
        }

        foreach (var index in table.Indexes)
        {
            AddIndex(Identifier(index.Name, quoted: true), name, index.Columns.Select(c => Identifier(c.Name, quoted: true)),
                index.Columns.Select((_, i) => index.IsDescending is { Count: > 0 } descending && descending[i]));
        }
    }

    private void AddColumn(string table, string column, string type, bool nullable, string defaultValue) =>
        lines.Add($"{table}.{column} {StoreType(type)} {(nullable ? "NULL" : "NOT NULL")}{Default(defaultValue)}");

    private void AddPrimaryKey(string table, IEnumerable<string> columns, string? name) =>
        lines.Add($"{table} PRIMARY KEY ({string.Join(", ", columns)}){(name is null ? "" : " " + name)}");

    private void AddForeignKey(string table, IEnumerable<string> columns, string principal, IEnumerable<string> principalColumns,
        bool cascade, string? name) =>
        lines.Add($"{table} FOREIGN KEY ({string.Join(", ", columns)}) REFERENCES {principal} ({string.Join(", ", principalColumns)})"
            + $"{(cascade ? " ON DELETE CASCADE" : "")}{(name is null ? "" : " " + name)}");

    private void AddIndex(string name, string table, IEnumerable<string> columns, IEnumerable<bool> descending) =>
        lines.Add($"INDEX {name} ON {table} ({string.Join(", ", columns.Zip(descending, (c, d) => d ? c + " DESC" : c))})");

    /// <summary>
    /// Quartz writes identifiers unquoted, so PostgreSQL folds them to lower case while SQLite and SQL Server ignore
    /// case. EF quotes them: on PostgreSQL what EF names must already be lower case, so EF's names are not folded.
    /// </summary>
    private string Identifier(string name, bool quoted) => provider switch
    {
        DatabaseProvider.PostgreSql => quoted ? name : name.ToLowerInvariant(),
        _ => name.ToUpperInvariant(),
    };

    /// <summary>SQLite keeps a column's type only as its affinity, so "INT" and "BIGINT" are the same column there.</summary>
    private string StoreType(string type) => provider == DatabaseProvider.Sqlite
        ? SqliteAffinity(type.ToUpperInvariant())
        : type.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    public static string SqliteAffinity(string type) => type switch
    {
        _ when type.Contains("INT", StringComparison.Ordinal) => "INTEGER",
        _ when type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal)
            || type.Contains("TEXT", StringComparison.Ordinal) => "TEXT",
        _ when type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal) => "BLOB",
        _ when type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal)
            || type.Contains("DOUB", StringComparison.Ordinal) => "REAL",
        _ => "NUMERIC",
    };

    private static string Default(string value) => value.ToLowerInvariant() switch
    {
        "" => "",
        "false" => " DEFAULT 0",
        "true" => " DEFAULT 1",
        var other => " DEFAULT " + other,
    };

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(?<table>[\w.]+) \((?<body>.*)\);", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"CREATE INDEX (?:IF NOT EXISTS )?(?<name>\w+) ON (?<table>[\w.]+) ?\((?<columns>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"^(?:CONSTRAINT (?<name>\w+) )?PRIMARY KEY \((?<columns>[^)]*)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKey();

    [GeneratedRegex(@"^(?:CONSTRAINT (?<name>\w+) )?FOREIGN KEY \((?<columns>[^)]*)\) REFERENCES (?<principal>[\w.]+) \((?<principalColumns>[^)]*)\)(?<cascade> ON DELETE CASCADE)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignKey();

    [GeneratedRegex(@"^(?<name>\w+) (?<type>\w+(?:\([^)]*\))?)(?<rest>.*)$")]
    private static partial Regex Column();

    [GeneratedRegex(@"DEFAULT (?<value>\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultClause();
}
