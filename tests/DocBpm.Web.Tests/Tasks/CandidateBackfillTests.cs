using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Tests.Tasks;

/// <summary>
/// Issue 19: a deployed database upgrades with its open work still in the inbox. The migration that moves "offered to"
/// from the tasks' comma lists into their own indexed rows fills those rows for the tasks already stored.
/// </summary>
[TestClass]
public sealed class CandidateBackfillTests
{
    private const string Migration = "InboxKeysetIndexes";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_upgrading_splits_the_candidates_of_stored_tasks_into_rows_one_per_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var upgrade = await MigrationUpgrade.BeforeAsync(database, Migration);
        var context = upgrade.Context;
        var task = Guid.NewGuid();
        var service = Guid.NewGuid();
        await StoreAsync(context, provider, task, service);

        await upgrade.UpgradeAsync();

        var rows = await context.Set<BookmarkCandidateRecord>().AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Value)
            .Select(c => $"{c.BookmarkId}:{c.Kind}:{c.Value}").ToListAsync();
        CollectionAssert.AreEqual(new[] { $"{task}:Group:vanthu", $"{task}:User:an", $"{task}:User:binh" }, rows,
            "each name once, folded to lower case; nothing for a task without candidates");
    }

    /// <summary>
    /// A user task offered to ",An,binh,An," and ",VanThu,", and a job bookmark with a stray list, written in the columns of the
    /// schema before the migration (SQL, not the model: the model already has the later columns).
    /// </summary>
    private static async Task StoreAsync(DocBpmDbContext context, DatabaseProvider provider, Guid task, Guid service)
    {
        var at = provider == DatabaseProvider.Sqlite ? "0" : "'2026-11-23T00:00:00Z'";
        var definition = Guid.NewGuid().ToString().ToUpperInvariant();
        var instance = Guid.NewGuid().ToString().ToUpperInvariant();
        string[] statements =
        [
            .. MigrationUpgrade.RunningInstance(definition, instance, at),
            Bookmark(task, instance, "UserTask", "',An,binh,An,'", "',VanThu,'", at),
            Bookmark(service, instance, "Job", "',x,'", "NULL", at),
        ];
        foreach (var statement in statements)
            await context.Database.ExecuteSqlRawAsync(statement);
    }

    private static string Bookmark(Guid id, string instance, string kind, string users, string groups, string at) =>
        "INSERT INTO bpm_bookmarks (\"Id\", \"InstanceId\", \"Kind\", \"Status\", \"ElementId\", \"CreatedAt\", \"CandidateUsers\", "
        + "\"CandidateGroups\", \"Priority\", \"Attempts\") VALUES ('" + id.ToString().ToUpperInvariant() + "', '" + instance + "', '" + kind
        + "', 'Active', 'e', " + at + ", " + users + ", " + groups + ", 0, 0)";
}
