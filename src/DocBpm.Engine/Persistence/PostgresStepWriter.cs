using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// Writes a step on PostgreSQL with a batch of its own instead of EF's SaveChanges, when every change is one of the rows a
/// step writes on its hot path (<see cref="PostgresStepRows"/>): EF's generic update pipeline (change tracking, command
/// building, a parameter object per value, reading the journal's generated keys back) and Npgsql's parsing of the SQL it
/// generates were most of the .NET CPU of a persisted step (issue 19, docs/benchmarks.md). What SaveChanges promises the
/// engine is kept:
/// <list type="bullet">
/// <item>the context's SaveChanges interceptors run around the write, as around SaveChanges (the host's ColumnLimits
/// refuses a text before anything is sent);</item>
/// <item>the statements go as one batch with one Sync and no BEGIN/COMMIT, so the server runs them as one implicit
/// transaction and the first error (the journal's step guard on a stale step) rolls back all of them;</item>
/// <item>an instance's UPDATE holds its loaded revision; 0 rows is a <see cref="DbUpdateConcurrencyException"/>, a
/// database error a <see cref="DbUpdateException"/>, as EF throws them; in a step of several instances (a batch of due
/// timers) 0 rows fails the batch, so that nothing of it is written;</item>
/// <item>the tracker is left as SaveChanges leaves it, the journal's entries aside: their keys were not read back, so
/// they are no longer tracked;</item>
/// <item>EF's command diagnostics (the SQL log, command interceptors, diagnostic listeners) see the batch as one
/// command, its statements joined as EF joins a batch's.</item>
/// </list>
/// </summary>
internal sealed class PostgresStepWriter(DbContext context, TimeProvider time)
{
    private const string StoreError = "An error occurred while saving the entity changes. See the inner exception for details.";

    private static readonly ConditionalWeakTable<IModel, StrongBox<bool>> Written = new();

    /// <summary>Writes the step and returns true, or returns false, having done nothing, if it is not one it can write.</summary>
    public async Task<bool> TryWriteAsync(IReadOnlyList<EntityEntry> changes, CancellationToken cancellationToken)
    {
        if (!Writes(context.Model) || PostgresStepRows.Of(changes) is not { } rows)
            return false;
        var updates = context.GetService<IDiagnosticsLogger<DbLoggerCategory.Update>>();
        try
        {
            var intercepted = await updates.SaveChangesStartingAsync(context, cancellationToken);
            var saved = intercepted.HasResult ? intercepted.Result : await WriteAsync(changes, rows, cancellationToken);
            await updates.SaveChangesCompletedAsync(context, saved, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            await updates.SaveChangesCanceledAsync(context, cancellationToken);
            throw;
        }
        catch (Exception ex)
        {
            await updates.SaveChangesFailedAsync(context, ex, cancellationToken);
            throw;
        }
    }

    /// <summary>Whether every table of the model's engine rows has exactly the columns this writer sends.</summary>
    private static bool Writes(IModel model) =>
        Written.GetValue(model, m => new StrongBox<bool>(
            PostgresEngineTables.Instances.Matches(m) && PostgresEngineTables.Bookmarks.Matches(m)
            && PostgresEngineTables.Candidates.Matches(m) && PostgresEngineTables.Journal.Matches(m))).Value;

    private async Task<int> WriteAsync(IReadOnlyList<EntityEntry> changes, PostgresStepRows rows, CancellationToken cancellationToken)
    {
        var database = context.Database;
        var connection = (NpgsqlConnection)database.GetDbConnection();
        var parameters = PostgresParameters.Of(context);
        await using var batch = new NpgsqlBatch(connection);
        if (database.GetCommandTimeout() is { } timeout)
            batch.Timeout = timeout;
        try
        {
            await ExecuteAsync(batch, changes, rows.AddTo(batch, parameters), cancellationToken);
        }
        finally
        {
            parameters.TakeBack(batch);
        }

        foreach (var journal in rows.JournalEntries)
            journal.State = EntityState.Detached;
        context.ChangeTracker.AcceptAllChanges();
        return changes.Count;
    }

    private async Task ExecuteAsync(NpgsqlBatch batch, IReadOnlyList<EntityEntry> changes, List<RevisionGuard> guarded, CancellationToken cancellationToken)
    {
        var database = context.Database;
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            var command = new ReportedCommand(context, time, CommandSource.SaveChanges, () => Described(batch));
            await using var described = command.Command;
            await command.ExecutingAsync(DbCommandMethod.ExecuteNonQuery, cancellationToken);
            try
            {
                await command.NonQueryExecutedAsync(await batch.ExecuteNonQueryAsync(cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // As EF wraps whatever fails while its batch runs, so that callers classify one exception type.
                await command.FailedAsync(DbCommandMethod.ExecuteNonQuery, ex, cancellationToken);
                // Only a revision guard that fails in the batch divides; the other statements write rows.
                if (ex is PostgresException { SqlState: PostgresErrorCodes.DivisionByZero } && guarded.Exists(g => g.FailsInBatch))
                    throw new DbUpdateConcurrencyException(
                        "The update of an instance of the batch found no row: its revision moved since it was loaded, and nothing of the batch was written.", ex);
                throw new DbUpdateException(StoreError, ex, changes);
            }
        }
        finally
        {
            await database.CloseConnectionAsync();
        }

        // Without its entries: EF takes them only as its internal update entries, and the engine reads none of them.
        foreach (var (instance, update, failsInBatch) in guarded)
        {
            if (!failsInBatch && update.RecordsAffected != 1)
                throw new DbUpdateConcurrencyException(
                    $"The update of instance {((InstanceRecord)instance.Entity).Id} was expected to affect 1 row, but affected {update.RecordsAffected}: its revision moved since it was loaded.");
        }
    }

    /// <summary>The batch as one command, its statements joined as EF joins a batch's.</summary>
    private static NpgsqlCommand Described(NpgsqlBatch batch)
    {
        var command = batch.Connection!.CreateCommand();
        command.CommandText = string.Join(";\n", ((IEnumerable<NpgsqlBatchCommand>)batch.BatchCommands).Select(c => c.CommandText)) + ";";
        return command;
    }
}
