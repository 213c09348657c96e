using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DocBpm.Web.Tests.Tasks;

/// <summary>
/// Issue 19: a deployed database upgrades with its open work in the inbox's order. The migration that stores the order's
/// due date (<see cref="BookmarkRecord.TaskDueOrder"/>) gives each open task its deadline, and a task without one the
/// far-future instant that sorts after every deadline.
/// </summary>
[TestClass]
public sealed class InboxStoredOrderBackfillTests
{
    private const string Migration = "InboxStoredOrder";
    private static readonly DateTimeOffset Due = new(2026, 12, 10, 10, 0, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_upgrading_gives_each_open_task_its_deadline_as_its_place_in_the_inbox(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var upgrade = await MigrationUpgrade.BeforeAsync(database, Migration);
        var context = upgrade.Context;
        var (withDeadline, without) = (Guid.NewGuid(), Guid.NewGuid());
        await StoreAsync(upgrade, provider, withDeadline, without);

        await upgrade.UpgradeAsync();

        var order = await context.Set<BookmarkRecord>().AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.TaskDueOrder);
        Assert.AreEqual(Due, order[withDeadline], "the deadline");
        Assert.AreEqual(BookmarkRecord.NoDeadline, order[without], "after every deadline");
    }

    /// <summary>Two open user tasks, one due at <see cref="Due"/>, written in the columns of the schema before the migration.</summary>
    private static Task StoreAsync(MigrationUpgrade upgrade, DatabaseProvider provider, Guid withDeadline, Guid without)
    {
        var at = MigrationUpgrade.At(provider);
        var due = provider == DatabaseProvider.Sqlite ? ((long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(Due)!).ToString(System.Globalization.CultureInfo.InvariantCulture) : "'2026-12-10T10:00:00Z'";
        var definition = MigrationUpgrade.Id(Guid.NewGuid());
        var instance = MigrationUpgrade.Id(Guid.NewGuid());
        return upgrade.StoreAsync(
        [
            .. MigrationUpgrade.RunningInstance(definition, instance, at),
            OpenTask(withDeadline, instance, at, due),
            OpenTask(without, instance, at, "NULL"),
        ]);
    }

    private static string OpenTask(Guid id, string instance, string at, string due) =>
        "INSERT INTO bpm_bookmarks (\"Id\", \"InstanceId\", \"Kind\", \"Status\", \"ElementId\", \"CreatedAt\", \"TaskDueDate\", \"Priority\", "
        + "\"Attempts\") VALUES ('" + MigrationUpgrade.Id(id) + "', '" + instance + "', 'UserTask', 'Active', 'e', " + at + ", " + due
        + ", 0, 0)";
}
