using System.Data.Common;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DocBpm.Engine.Tests.Quartz;

/// <summary>
/// What a live database says its tables are — columns, keys, constraint names, indexes — as sorted lines, read from the
/// database's own catalog, so that two databases built by different DDL can be compared.
/// </summary>
internal static class DatabaseCatalog
{
    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database, CancellationToken ct)
    {
        await using var connection = await OpenAsync(database, ct);
        var lines = database.Provider == DatabaseProvider.Sqlite
            ? await ReadSqliteAsync(connection, ct)
            : await ReadPostgresAsync(connection, ct);
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    public static async Task<long> CountRowsAsync(TestDatabase database, string table, CancellationToken ct)
    {
        await using var connection = await OpenAsync(database, ct);
        var counts = await QueryAsync(connection, $"SELECT COUNT(*) FROM {table}", r => r.GetInt64(0), ct);
        return counts.Single();
    }

    public static async Task ExecuteAsync(TestDatabase database, IEnumerable<string> statements, CancellationToken ct)
    {
        await using var connection = await OpenAsync(database, ct);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<DbConnection> OpenAsync(TestDatabase database, CancellationToken ct)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// SQLite keeps no constraint names and only a type affinity, so those are what is compared. Triggers are left out:
    /// Quartz's script adds delete triggers that repeat what the foreign keys' ON DELETE CASCADE already does.
    /// </summary>
    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0), ct);
        foreach (var table in tables.Select(t => t.ToUpperInvariant()))
        {
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')",
                r => (Name: r.GetString(0).ToUpperInvariant(), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1,
                    Default: r.IsDBNull(3) ? null : r.GetString(3), Key: r.GetInt64(4)), ct);
            lines.AddRange(columns.Select(c =>
                $"{table}.{c.Name} {SchemaOutline.SqliteAffinity(c.Type.ToUpperInvariant())} {(c.NotNull ? "NOT NULL" : "NULL")} {c.Default}"));
            lines.Add($"{table} PRIMARY KEY ({string.Join(", ", columns.Where(c => c.Key > 0).OrderBy(c => c.Key).Select(c => c.Name))})");

            var foreignKeys = await QueryAsync(connection,
                $"SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY id, seq",
                r => (Id: r.GetInt64(0), Principal: r.GetString(1), From: r.GetString(2), To: r.GetString(3), OnDelete: r.GetString(4)), ct);
            lines.AddRange(foreignKeys.GroupBy(f => f.Id).Select(f =>
                $"{table} FOREIGN KEY ({string.Join(", ", f.Select(c => c.From))}) REFERENCES {f.First().Principal} "
                + $"({string.Join(", ", f.Select(c => c.To))}) ON DELETE {f.First().OnDelete}".ToUpperInvariant()));

            var indexes = await QueryAsync(connection, $"SELECT name FROM pragma_index_list('{table}') WHERE origin = 'c'",
                r => r.GetString(0), ct);
            foreach (var index in indexes)
            {
                var keys = await QueryAsync(connection,
                    $"SELECT name, \"desc\" FROM pragma_index_xinfo('{index}') WHERE key = 1 ORDER BY seqno",
                    r => r.GetString(0) + (r.GetInt64(1) == 1 ? " DESC" : ""), ct);
                lines.Add($"INDEX {index} ON {table} ({string.Join(", ", keys)})".ToUpperInvariant());
            }
        }

        return lines;
    }

    /// <summary>PostgreSQL's own rendering of every column, constraint and index in the public schema.</summary>
    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection, CancellationToken ct)
    {
        var lines = await QueryAsync(connection, """
            SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
                || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """, r => r.GetString(0), ct);
        lines.AddRange(await QueryAsync(connection, """
            SELECT conrelid::regclass::text || ' CONSTRAINT ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            """, r => r.GetString(0), ct));
        lines.AddRange(await QueryAsync(connection, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'", r => r.GetString(0), ct));
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read,
        CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }
}
