using System.Data.Common;
using System.Runtime.CompilerServices;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// On PostgreSQL, the read of a bookmark with its instance that every resume starts with, as a command of its own instead
/// of EF's compiled query: EF's query pipeline (a relational command and a parameter object per call, its reader wrapper,
/// the shaper, identity resolution) was the largest part of the .NET CPU of a completion left after the step writer
/// (issue 19, docs/benchmarks.md). What the query gives the engine is kept:
/// <list type="bullet">
/// <item>every column of both rows, read as EF reads it (enums by name, instants as timestamptz); a column the model has and
/// this read lacks is caught before any read (<see cref="Reads"/>), and the compiled query then serves;</item>
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
    private static readonly PostgresReadColumn<BookmarkRecord>[] BookmarkColumns =
    [
        new(nameof(BookmarkRecord.Id), (b, r, i) => b.Id = r.GetGuid(i)),
        new(nameof(BookmarkRecord.InstanceId), (b, r, i) => b.InstanceId = r.GetGuid(i)),
        new(nameof(BookmarkRecord.Kind), (b, r, i) => b.Kind = Named<BookmarkKind>(r, i)),
        new(nameof(BookmarkRecord.Status), (b, r, i) => b.Status = Named<BookmarkStatus>(r, i)),
        new(nameof(BookmarkRecord.ElementId), (b, r, i) => b.ElementId = r.GetString(i)),
        new(nameof(BookmarkRecord.MessageName), (b, r, i) => b.MessageName = Text(r, i)),
        new(nameof(BookmarkRecord.CorrelationKey), (b, r, i) => b.CorrelationKey = Text(r, i)),
        new(nameof(BookmarkRecord.DueAt), (b, r, i) => b.DueAt = Instant(r, i)),
        new(nameof(BookmarkRecord.CreatedAt), (b, r, i) => b.CreatedAt = r.GetFieldValue<DateTimeOffset>(i)),
        new(nameof(BookmarkRecord.ClosedAt), (b, r, i) => b.ClosedAt = Instant(r, i)),
        new(nameof(BookmarkRecord.ClosedBy), (b, r, i) => b.ClosedBy = Text(r, i)),
        new(nameof(BookmarkRecord.TaskName), (b, r, i) => b.TaskName = Text(r, i)),
        new(nameof(BookmarkRecord.Assignee), (b, r, i) => b.Assignee = Text(r, i)),
        new(nameof(BookmarkRecord.CandidateUsers), (b, r, i) => b.CandidateUsers = Text(r, i)),
        new(nameof(BookmarkRecord.CandidateGroups), (b, r, i) => b.CandidateGroups = Text(r, i)),
        new(nameof(BookmarkRecord.TaskDueDate), (b, r, i) => b.TaskDueDate = Instant(r, i)),
        // After the due date, whose setter derives the order: the stored order is what EF reads, whatever wrote it.
        new(nameof(BookmarkRecord.TaskDueOrder), (b, r, i) => SetTaskDueOrder(b, r.GetFieldValue<DateTimeOffset>(i))),
        new(nameof(BookmarkRecord.FormKey), (b, r, i) => b.FormKey = Text(r, i)),
        new(nameof(BookmarkRecord.Priority), (b, r, i) => b.Priority = r.GetInt32(i)),
        new(nameof(BookmarkRecord.BusinessKey), (b, r, i) => b.BusinessKey = Text(r, i)),
        new(nameof(BookmarkRecord.DefinitionKey), (b, r, i) => b.DefinitionKey = Text(r, i)),
        new(nameof(BookmarkRecord.Attempts), (b, r, i) => b.Attempts = r.GetInt32(i)),
        new(nameof(BookmarkRecord.LastError), (b, r, i) => b.LastError = Text(r, i)),
        new(nameof(BookmarkRecord.ClaimedBy), (b, r, i) => b.ClaimedBy = Text(r, i)),
        new(nameof(BookmarkRecord.ClaimedUntil), (b, r, i) => b.ClaimedUntil = Instant(r, i)),
    ];

    private static readonly PostgresReadColumn<InstanceRecord>[] InstanceColumns =
    [
        new(nameof(InstanceRecord.Id), (n, r, i) => n.Id = r.GetGuid(i)),
        new(nameof(InstanceRecord.DefinitionId), (n, r, i) => n.DefinitionId = r.GetGuid(i)),
        new(nameof(InstanceRecord.DefinitionKey), (n, r, i) => n.DefinitionKey = r.GetString(i)),
        new(nameof(InstanceRecord.DefinitionVersion), (n, r, i) => n.DefinitionVersion = r.GetInt32(i)),
        new(nameof(InstanceRecord.BusinessKey), (n, r, i) => n.BusinessKey = Text(r, i)),
        new(nameof(InstanceRecord.Status), (n, r, i) => n.Status = Named<InstanceStatus>(r, i)),
        new(nameof(InstanceRecord.State), (n, r, i) => n.State = r.GetString(i)),
        new(nameof(InstanceRecord.StartedAt), (n, r, i) => n.StartedAt = r.GetFieldValue<DateTimeOffset>(i)),
        new(nameof(InstanceRecord.StartedBy), (n, r, i) => n.StartedBy = Text(r, i)),
        new(nameof(InstanceRecord.EndedAt), (n, r, i) => n.EndedAt = Instant(r, i)),
        new(nameof(InstanceRecord.Revision), (n, r, i) => n.Revision = r.GetInt64(i)),
        new(nameof(InstanceRecord.OpenIncidents), (n, r, i) => n.OpenIncidents = r.GetInt32(i)),
        new(nameof(InstanceRecord.ParentInstanceId), (n, r, i) => n.ParentInstanceId = Id(r, i)),
        new(nameof(InstanceRecord.CallerBookmarkId), (n, r, i) => n.CallerBookmarkId = Id(r, i)),
    ];

    private static readonly string Sql =
        $"""SELECT {string.Join(", ", BookmarkColumns.Select(c => $"b.\"{c.Name}\"").Concat(InstanceColumns.Select(c => $"i.\"{c.Name}\"")))} """
        + """FROM bpm_bookmarks AS b INNER JOIN bpm_instances AS i ON b."InstanceId" = i."Id" WHERE b."Id" = $1""";

    private static readonly ConditionalWeakTable<IModel, StrongBox<bool>> Readable = new();

    /// <summary>
    /// Whether both tables of <paramref name="model"/> have exactly the columns this read materializes: a property added to
    /// a record later would otherwise be silently left at its default, and then overwritten by the next step.
    /// </summary>
    public static bool Reads(IModel model) =>
        Readable.GetValue(model, m => new StrongBox<bool>(
            Matches(m, "bpm_bookmarks", BookmarkColumns) && Matches(m, "bpm_instances", InstanceColumns))).Value;

    private static bool Matches<TRow>(IModel model, string table, PostgresReadColumn<TRow>[] columns) =>
        model.FindEntityType(typeof(TRow)) is { } type && PostgresTable.HasColumns(type, table, columns.Select(c => c.Name));

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
                    ? (Read(reader, new BookmarkRecord { ElementId = "" }, BookmarkColumns, 0),
                        Read(reader, new InstanceRecord { DefinitionKey = "", State = "" }, InstanceColumns, BookmarkColumns.Length))
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

    private static TRow Read<TRow>(DbDataReader reader, TRow row, PostgresReadColumn<TRow>[] columns, int first)
    {
        for (var i = 0; i < columns.Length; i++)
            columns[i].Read(row, reader, first + i);
        return row;
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

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? Instant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static Guid? Id(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    /// <summary>An enum stored by name, parsed as EF's string converter parses it: any case, a number, or else the default.</summary>
    private static TEnum Named<TEnum>(DbDataReader reader, int ordinal)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(reader.GetString(ordinal), ignoreCase: true, out var value) ? value : default;

    /// <summary>The order's setter is private so that nothing but the due date moves it; EF, too, writes it past that.</summary>
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_TaskDueOrder")]
    private static extern void SetTaskDueOrder(BookmarkRecord bookmark, DateTimeOffset value);
}

/// <summary>A column as <see cref="PostgresBookmarkRead"/> reads it: its name and how its value lands in the row.</summary>
internal sealed record PostgresReadColumn<TRow>(string Name, Action<TRow, DbDataReader, int> Read);
