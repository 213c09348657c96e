using DocBpm.Documents.Access;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using DocBpm.Web.Outgoing;
using DocBpm.Web.Tests.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// A search of the outgoing list by words of the summary that few documents hold reads the trigram index of the folded
/// summaries (migration <c>OutgoingSearchKeys</c>), not every outgoing document newest first until a page is full: with
/// no match, that was every row of the table (21-52 ms at 100,000 documents).
/// </summary>
[TestClass]
public sealed class OutgoingSearchPlanTests
{
    [TestMethod]
    public async Task On_PostgreSQL_a_search_by_summary_reads_the_trigram_index_of_the_folded_summaries()
    {
        TestDatabase.RequirePostgres();
        await using var database = await MigratedTemplate.CopyAsync(DatabaseProvider.PostgreSql);
        await using var services = new ServiceCollection()
            .AddDocBpmDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, database.ConnectionString)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
        // 100,000 summaries of nine kinds (the size), their keys as the fold writes these (no diacritics in them).
        await context.Database.ExecuteSqlRawAsync("""
            INSERT INTO doc_outgoing ("Id", "TypeCode", "TypeName", "Subject", "SubjectKey", "DraftingUnit", "Drafter", "Urgency", "Confidentiality",
                "Copies", "Language", "Stage", "CreatedAt")
            SELECT gen_random_uuid(), 'CV', 'Cong van', s, lower(s), 'KHTC', 'chuyenvien.khtc', 'Normal', 'None', 1, 'vi', 'Drafting',
                now() - make_interval(secs => g)
            FROM generate_series(1, 100000) AS g, LATERAL (SELECT 'Ke hoach so ' || (g % 9) || ' nam hoc ' || (2021 + g % 5) AS s) AS summary;
            ANALYZE doc_outgoing;
            """);
        var director = new Reader("giamdoc", "BGD", [StaffRole.Director]);
        var criteria = new OutgoingCriteria(null, null, null, null, null, null, null, null, "zzqx khong co", 1, OutgoingFilter.DefaultPageSize);

        var matches = await new OutgoingSearch(context, new EngineDb(context)).MatchesAsync(director, criteria, CancellationToken.None);
        var plan = await QueryPlan.ExplainAsync(context, matches.Take(OutgoingFilter.DefaultPageSize + 1));

        StringAssert.Contains(plan, "IX_doc_outgoing_SubjectKey_trgm", plan);
    }
}
