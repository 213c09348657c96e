using System.Collections.Concurrent;
using System.Data.Common;
using DocBpm.Documents.Access;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using DocBpm.Web.Outgoing;
using DocBpm.Web.Tests.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// Issue 19: the outgoing list of a reader who does not follow every outgoing document first finds the documents whose
/// tasks are or were theirs. The statement that does it (<see cref="OutgoingVisibility.TaskKeys"/>, as sent, with its
/// parameters) is planned over a database of many incoming tasks and their candidate rows, assigned to, closed by and
/// offered to the same reader: each of its branches reads an index that holds outgoing tasks only (migration
/// <c>OutgoingTaskIndexes</c>), and neither table is read whole. One OR over every task, as it was, is a Seq Scan of
/// every bookmark of every process.
/// </summary>
[TestClass]
public sealed class OutgoingTaskKeysPlanTests
{
    private const int Incoming = 20_000;
    private const int Outgoing = 40;

    [TestMethod]
    public async Task Issue19_on_PostgreSQL_a_readers_outgoing_tasks_are_found_from_indexes_of_outgoing_tasks_only()
    {
        await using var stored = await StoredAsync(Outgoing);
        var (context, reader) = (stored.Context, UnitHead);

        var plan = await QueryPlan.ExplainAsync(context, reader.TaskKeys(context.Set<BookmarkRecord>().AsNoTracking(), context.Set<BookmarkCandidateRecord>().AsNoTracking()));

        foreach (var index in new[] { "IX_bpm_bookmarks_OutgoingTasks_Assignee", "IX_bpm_bookmarks_OutgoingTasks_ClosedBy",
            "IX_bpm_bookmarks_OutgoingTasks_OfferedToNobody", "IX_bpm_bookmark_candidates_OutgoingTasks" })
            StringAssert.Contains(plan, index, plan);
        Assert.IsFalse(plan.Contains("Seq Scan on bpm_bookmarks", StringComparison.Ordinal), plan);
        Assert.IsFalse(plan.Contains("Seq Scan on bpm_bookmark_candidates", StringComparison.Ordinal), plan);
    }

    /// <summary>
    /// A reader mentioned by more outgoing tasks than <see cref="OutgoingSearch.ListedTaskKeys"/> (here a unit head offered
    /// every review of the unit) has each document of the page asked about its tasks instead: the statement reads the
    /// documents newest first from their index and each one's outgoing tasks by business key, and neither the bookmarks
    /// nor the candidate rows are read whole.
    /// </summary>
    [TestMethod]
    public async Task Issue19_on_PostgreSQL_a_reader_with_many_outgoing_tasks_has_each_document_of_the_page_asked_through_indexes()
    {
        await using var stored = await StoredAsync(OutgoingSearch.ListedTaskKeys * 2);
        var (context, reader) = (stored.Context, UnitHead);
        var (bookmarks, candidates) = (context.Set<BookmarkRecord>().AsNoTracking(), context.Set<BookmarkCandidateRecord>().AsNoTracking());
        Assert.IsGreaterThan(OutgoingSearch.ListedTaskKeys, await reader.TaskMentions(bookmarks, candidates).CountAsync(), "the list asks each document");

        var page = reader.Visible(context.Set<OutgoingDocument>().AsNoTracking(), [], bookmarks, candidates)
            .OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Select(d => d.Id.ToString()).Take(OutgoingFilter.DefaultPageSize + 1);
        var plan = await QueryPlan.ExplainAsync(context, page);

        StringAssert.Contains(plan, "IX_doc_outgoing_CreatedAt_Id", plan);
        StringAssert.Contains(plan, "IX_bpm_bookmarks_OutgoingTasks_BusinessKey", plan);
        Assert.IsFalse(plan.Contains("Seq Scan on bpm_bookmarks", StringComparison.Ordinal), plan);
        Assert.IsFalse(plan.Contains("Seq Scan on bpm_bookmark_candidates", StringComparison.Ordinal), plan);
    }

    /// <summary>
    /// The list chooses its form by the reader's outgoing tasks: listed first while they are mentioned at most
    /// <see cref="OutgoingSearch.ListedTaskKeys"/> times, each document asked beyond that.
    /// </summary>
    [TestMethod]
    [DataRow(Outgoing, false)]
    [DataRow(OutgoingSearch.ListedTaskKeys * 2, true)]
    public async Task Issue19_on_PostgreSQL_the_outgoing_list_lists_a_readers_few_tasks_first_and_asks_each_document_about_many(int outgoing, bool asks)
    {
        await using var stored = await StoredAsync(outgoing);
        var context = stored.Context;

        var page = await new OutgoingSearch(context, new EngineDb(context))
            .FindAsync(UnitHead, new OutgoingCriteria(null, null, null, null, null, null, null, null, null, 1, OutgoingFilter.DefaultPageSize), CancellationToken.None);

        Assert.HasCount(OutgoingFilter.DefaultPageSize, page.Items, "the reader's tasks name every stored document");
        var list = stored.Sent.Texts.Single(t => t.Contains("FROM doc_outgoing", StringComparison.Ordinal));
        Assert.AreEqual(asks, list.Contains("bpm_bookmarks", StringComparison.Ordinal), list);
    }

    private static readonly Reader UnitHead = new("truongphong.gdtrh", "GDTrH", [StaffRole.UnitHead]);

    /// <summary>A copy of the migrated database holding <see cref="StoreAsync"/>'s tasks, on a context whose reads are recorded.</summary>
    private sealed class Stored(TestDatabase database, ServiceProvider services, AsyncServiceScope scope, SentTexts sent) : IAsyncDisposable
    {
        public PostgreSqlDocBpmDbContext Context { get; } = scope.ServiceProvider.GetRequiredService<PostgreSqlDocBpmDbContext>();
        public SentTexts Sent => sent;

        public async ValueTask DisposeAsync()
        {
            await scope.DisposeAsync();
            await services.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static async Task<Stored> StoredAsync(int outgoing)
    {
        TestDatabase.RequirePostgres();
        var database = await MigratedTemplate.CopyAsync(DatabaseProvider.PostgreSql);
        var sent = new SentTexts();
        var collection = new ServiceCollection();
        collection.AddDbContext<PostgreSqlDocBpmDbContext>(o => o.UseNpgsql(PostgresSessions.ForApplication(database.ConnectionString)).AddInterceptors(sent));
        var services = collection.BuildServiceProvider();
        var stored = new Stored(database, services, services.CreateAsyncScope(), sent);
        await StoreAsync(stored.Context, outgoing);
        return stored;
    }

    /// <summary>The text of every read sent.</summary>
    private sealed class SentTexts : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Texts { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>
    /// Tasks of two processes, every third assigned to the reader, every third closed by them, every seventh offered to
    /// nobody and the others to the reader's unit; a candidate row for each offer. Few are outgoing.
    /// </summary>
    private static async Task StoreAsync(DocBpmDbContext context, int outgoing)
    {
        var (definition, instance) = (Guid.NewGuid(), Guid.NewGuid());
        await context.Database.ExecuteSqlRawAsync(string.Join(";\n", [
            .. MigrationUpgrade.RunningInstance(definition.ToString(), instance.ToString(), "now()"),
            Tasks("incoming", Incoming, instance),
            Tasks("outgoing", outgoing, instance),
            """
            INSERT INTO doc_outgoing ("Id", "TypeCode", "TypeName", "Subject", "DraftingUnit", "Drafter", "Urgency", "Confidentiality", "Copies",
                "Language", "Stage", "CreatedAt")
            SELECT "BusinessKey"::uuid, 'CV', 'Công văn', 'Về việc ' || "BusinessKey", 'KHTC', 'chuyenvien.khtc', 'Normal', 'None', 1, 'vi',
                'Drafting', now() - make_interval(secs => row_number() OVER ())
            FROM bpm_bookmarks WHERE "DefinitionKey" = 'outgoing'
            """,
            """
            INSERT INTO bpm_bookmark_candidates ("BookmarkId", "Kind", "Value", "DefinitionKey")
            SELECT "Id", 'Group', 'gdtrh', "DefinitionKey" FROM bpm_bookmarks WHERE "CandidateGroups" IS NOT NULL
            """,
            "ANALYZE bpm_bookmarks, bpm_bookmark_candidates, doc_outgoing",
        ]));
    }

    private static string Tasks(string process, int count, Guid instance) =>
        $"""
        INSERT INTO bpm_bookmarks ("Id", "InstanceId", "Kind", "Status", "ElementId", "CreatedAt", "Priority", "Attempts", "Assignee", "ClosedBy",
            "CandidateGroups", "DefinitionKey", "BusinessKey")
        SELECT gen_random_uuid(), '{instance}', 'UserTask', CASE WHEN g % 10 = 0 THEN 'Active' ELSE 'Completed' END, 'e', now(), 0, 0,
            CASE WHEN g % 3 = 0 THEN 'truongphong.gdtrh' END, CASE WHEN g % 3 = 1 THEN 'truongphong.gdtrh' END,
            CASE WHEN g % 7 = 0 THEN NULL ELSE ',gdtrh,' END, '{process}', gen_random_uuid()::text
        FROM generate_series(1, {count}) AS g
        """;
}
