using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Tests.Tasks;

/// <summary>PostgreSQL's plan of a list's query, for the tests that pin which indexes it is read from.</summary>
internal static class QueryPlan
{
    /// <summary>The plan of <paramref name="query"/> with sequential scans, bitmaps and sorts priced out.</summary>
    public static async Task<string> OfAsync(EngineDb engine, IQueryable<BookmarkRecord> query)
    {
        await engine.Context.Database.OpenConnectionAsync();
        await engine.Context.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off;");
        return await ExplainAsync(engine.Context, query);
    }

    /// <summary>The plan PostgreSQL chooses for <paramref name="query"/> as it is sent, with its parameters.</summary>
    public static async Task<string> ExplainAsync<T>(DbContext context, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        await context.Database.OpenConnectionAsync();
        command.CommandText = "EXPLAIN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new System.Text.StringBuilder();
        while (await reader.ReadAsync())
            plan.AppendLine(reader.GetString(0));
        return plan.ToString();
    }
}
