using System.Text;
using DocBpm.Documents.Access;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
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
        TestDatabase.RequirePostgres();
        await using var database = await MigratedTemplate.CopyAsync(DatabaseProvider.PostgreSql);
        await using var services = new ServiceCollection()
            .AddDocBpmDatabase(new DatabaseSettings(database.Provider, database.ConnectionString)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
        await StoreAsync(context);
        var reader = new Reader("truongphong.gdtrh", "GDTrH", [StaffRole.UnitHead]);

        var plan = await PlanAsync(context, reader.TaskKeys(context.Set<BookmarkRecord>().AsNoTracking(), context.Set<BookmarkCandidateRecord>().AsNoTracking()));

        foreach (var index in new[] { "IX_bpm_bookmarks_OutgoingTasks_Assignee", "IX_bpm_bookmarks_OutgoingTasks_ClosedBy",
            "IX_bpm_bookmarks_OutgoingTasks_OfferedToNobody", "IX_bpm_bookmark_candidates_OutgoingTasks" })
            StringAssert.Contains(plan, index, plan);
        Assert.IsFalse(plan.Contains("Seq Scan on bpm_bookmarks", StringComparison.Ordinal), plan);
        Assert.IsFalse(plan.Contains("Seq Scan on bpm_bookmark_candidates", StringComparison.Ordinal), plan);
    }

    /// <summary>
    /// Tasks of two processes, every third assigned to the reader, every third closed by them, every seventh offered to
    /// nobody and the others to the reader's unit; a candidate row for each offer. Few are outgoing.
    /// </summary>
    private static async Task StoreAsync(DocBpmDbContext context)
    {
        var (definition, instance) = (Guid.NewGuid(), Guid.NewGuid());
        await context.Database.ExecuteSqlRawAsync(string.Join(";\n", [
            .. MigrationUpgrade.RunningInstance(definition.ToString(), instance.ToString(), "now()"),
            Tasks("incoming", Incoming, instance),
            Tasks("outgoing", Outgoing, instance),
            """
            INSERT INTO bpm_bookmark_candidates ("BookmarkId", "Kind", "Value", "DefinitionKey")
            SELECT "Id", 'Group', 'gdtrh', "DefinitionKey" FROM bpm_bookmarks WHERE "CandidateGroups" IS NOT NULL
            """,
            "ANALYZE bpm_bookmarks, bpm_bookmark_candidates",
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

    private static async Task<string> PlanAsync(DbContext context, IQueryable<string> query)
    {
        await using var command = query.CreateDbCommand();
        await context.Database.OpenConnectionAsync();
        command.CommandText = "EXPLAIN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var plan = new StringBuilder();
        while (await reader.ReadAsync())
            plan.AppendLine(reader.GetString(0));
        return plan.ToString();
    }
}
