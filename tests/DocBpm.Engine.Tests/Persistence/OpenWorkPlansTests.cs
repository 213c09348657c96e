using System.Data.Common;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Tests.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DocBpm.Engine.Tests.Persistence;

/// <summary>
/// Issue 19: the indexes of open work are partial on the open status, and PostgreSQL uses a partial index only for a query
/// whose condition implies its filter. Every read of open work the engine sends while correlating a message and sweeping
/// due timers is planned here, as sent (its text and its parameters), with sequential scans priced out: each must read
/// bpm_bookmarks through an index, never scan the table, which holds every bookmark ever closed.
/// </summary>
[TestClass]
public sealed class OpenWorkPlansTests
{
    [TestMethod]
    public async Task Issue19_on_PostgreSQL_correlation_and_the_due_work_sweep_read_open_bookmarks_through_their_partial_indexes()
    {
        TestDatabase.RequirePostgres();
        var sent = new SentReads();
        await using var host = await EngineTestHost.StartAsync(DatabaseProvider.PostgreSql, interceptor: sent);
        await host.StartAsync(StepIndexesTests.WaitReplyThenAnHour, new { docId = "D-1" });
        await host.CorrelateAsync("reply", "D-1");
        await host.AdvanceAsync(TimeSpan.FromHours(2));

        var reads = sent.OfOpenWork();
        Assert.IsTrue(reads.Exists(r => r.Text.Contains("\"MessageName\"", StringComparison.Ordinal)), "the correlation was seen");
        Assert.IsTrue(reads.Exists(r => r.Text.Contains("SKIP LOCKED", StringComparison.Ordinal)), "the sweep's claim was seen");
        foreach (var read in reads)
        {
            var index = read.Text.Contains("\"MessageName\" =", StringComparison.Ordinal) ? "IX_bpm_bookmarks_Kind_MessageName_CorrelationKey" : "IX_bpm_bookmarks_DueAt";
            var plan = await host.QueryAsync(db => PlanAsync(db, read));
            Assert.IsFalse(plan.Contains("Seq Scan on bpm_bookmarks", StringComparison.Ordinal), $"{read.Text}\n{plan}");
            Assert.IsTrue(plan.Contains(index, StringComparison.Ordinal), $"{read.Text}\n{plan}");
        }
    }

    private static async Task<string> PlanAsync(EngineDb db, SentRead read)
    {
        var connection = (NpgsqlConnection)db.Context.Database.GetDbConnection();
        await db.Context.Database.OpenConnectionAsync();
        try
        {
            await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
                await off.ExecuteNonQueryAsync();
            await using var explain = new NpgsqlCommand("EXPLAIN " + read.Text, connection);
            foreach (var parameter in read.Parameters)
                explain.Parameters.Add(parameter.Clone());
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
            return string.Join('\n', lines);
        }
        finally
        {
            await db.Context.Database.CloseConnectionAsync();
        }
    }

    private sealed record SentRead(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>The queries sent, with copies of their parameters, so that they can be planned again later.</summary>
    private sealed class SentReads : DbCommandInterceptor
    {
        private readonly List<SentRead> reads = [];

        /// <summary>The reads of bpm_bookmarks filtered on the open status and on what a partial index holds.</summary>
        public List<SentRead> OfOpenWork()
        {
            lock (reads)
                return [.. reads.Where(r => r.Text.Contains("bpm_bookmarks", StringComparison.Ordinal) && r.Text.Contains("'Active'", StringComparison.Ordinal)
                    && (r.Text.Contains("\"MessageName\" =", StringComparison.Ordinal) || r.Text.Contains("\"DueAt\" <=", StringComparison.Ordinal)))
                    .DistinctBy(r => r.Text)];
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (reads)
                reads.Add(new SentRead(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
            return ValueTask.FromResult(result);
        }
    }
}
