using System.Runtime.CompilerServices;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using static DocBpm.Engine.Persistence.PostgresEngineTables;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// On PostgreSQL, the read of a bookmark with its instance that every resume starts with, as a command of its own instead
/// of EF's compiled query: EF's query pipeline (a relational command and a parameter object per call, its reader wrapper,
/// the shaper, identity resolution) was the largest part of the .NET CPU of a completion left after the step writer
/// (issue 19, docs/benchmarks.md). What the query gives the engine is kept:
/// <list type="bullet">
/// <item>every column of both rows, read as EF reads it (enums by name, instants as timestamptz), by the step writer's own
/// column lists (<see cref="PostgresEngineTables"/>); a column the model has and these lack is caught before any read
/// (<see cref="Reads"/>), and the compiled query then serves;</item>
/// <item>both rows tracked as Unchanged, their original values the ones read, so that the step's changes are detected and
/// written, the instance's UPDATE guarded by the revision read here; a row the context already tracks is returned as
/// tracked, as the query's identity resolution returns it;</item>
/// <item>the command's text fixed and its parameter positional, so that the application's sessions prepare it (Max Auto
/// Prepare) and Npgsql neither parses nor rewrites it;</item>
/// <item>EF's command diagnostics see the command (<see cref="ReportedCommand"/>), so round-trip counts include it.</item>
/// </list>
/// </summary>
internal static class PostgresBookmarkRead
{
    private static readonly string Sql =
        $"""SELECT {string.Join(", ", Bookmarks.Columns.Select(c => $"b.\"{c.Name}\"").Concat(Instances.Columns.Select(c => $"i.\"{c.Name}\"")))} """
        + """FROM bpm_bookmarks AS b INNER JOIN bpm_instances AS i ON b."InstanceId" = i."Id" WHERE b."Id" = $1""";

    private static readonly ConditionalWeakTable<IModel, StrongBox<bool>> Readable = new();

    /// <summary>
    /// Whether both tables of <paramref name="model"/> have exactly the columns this read materializes: a property added to
    /// a record later would otherwise be silently left at its default, and then overwritten by the next step.
    /// </summary>
    public static bool Reads(IModel model) =>
        Readable.GetValue(model, m => new StrongBox<bool>(Bookmarks.Matches(m) && Instances.Matches(m))).Value;

    /// <summary>The bookmark and its instance, both tracked; null when there is no such bookmark.</summary>
    public static async Task<(BookmarkRecord Bookmark, InstanceRecord Instance)?> ReadAsync(DbContext context, TimeProvider time, Guid bookmarkId,
        CancellationToken cancellationToken)
    {
        var database = context.Database;
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = ((NpgsqlConnection)database.GetDbConnection()).CreateCommand();
            command.CommandText = Sql;
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = bookmarkId });
            command.Transaction = (NpgsqlTransaction?)database.CurrentTransaction?.GetDbTransaction();
            if (database.GetCommandTimeout() is { } timeout)
                command.CommandTimeout = timeout;
            var reported = new ReportedCommand(context, time, CommandSource.LinqQuery, () => command);
            await reported.ExecutingAsync(DbCommandMethod.ExecuteReader, cancellationToken);
            (BookmarkRecord, InstanceRecord)? row;
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reported.ReaderExecutedAsync(reader, cancellationToken);
                row = await reader.ReadAsync(cancellationToken)
                    ? (Bookmarks.Read(reader, new BookmarkRecord { ElementId = "" }, 0),
                        Instances.Read(reader, new InstanceRecord { DefinitionKey = "", State = "" }, Bookmarks.Columns.Count))
                    : null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await reported.FailedAsync(DbCommandMethod.ExecuteReader, ex, cancellationToken);
                throw;
            }

            return row is var (bookmark, instance) ? (Tracked(context, bookmark, b => b.Id == bookmark.Id), Tracked(context, instance, i => i.Id == instance.Id)) : null;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>The row the context tracks already (as the query's identity resolution returns it), or the one read, now tracked.</summary>
    private static TRow Tracked<TRow>(DbContext context, TRow read, Func<TRow, bool> same)
        where TRow : class
    {
        using (new DetectionPause(context.ChangeTracker))
        {
            if (context.ChangeTracker.Entries<TRow>().FirstOrDefault(e => same(e.Entity)) is { } tracked)
                return tracked.Entity;
        }

        context.Entry(read).State = EntityState.Unchanged;
        return read;
    }
}
