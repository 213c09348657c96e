using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
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
        await StoreAsync(upgrade, provider, task, service);

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
    private static Task StoreAsync(MigrationUpgrade upgrade, DatabaseProvider provider, Guid task, Guid service)
    {
        var at = MigrationUpgrade.At(provider);
        var definition = MigrationUpgrade.Id(Guid.NewGuid());
        var instance = MigrationUpgrade.Id(Guid.NewGuid());
        return upgrade.StoreAsync(
        [
            .. MigrationUpgrade.RunningInstance(definition, instance, at),
            Bookmark(task, instance, "UserTask", "',An,binh,An,'", "',VanThu,'", at),
            Bookmark(service, instance, "Job", "',x,'", "NULL", at),
        ]);
    }

    private static string Bookmark(Guid id, string instance, string kind, string users, string groups, string at) =>
        "INSERT INTO bpm_bookmarks (\"Id\", \"InstanceId\", \"Kind\", \"Status\", \"ElementId\", \"CreatedAt\", \"CandidateUsers\", "
        + "\"CandidateGroups\", \"Priority\", \"Attempts\") VALUES ('" + MigrationUpgrade.Id(id) + "', '" + instance + "', '" + kind
        + "', 'Active', 'e', " + at + ", " + users + ", " + groups + ", 0, 0)";
}
