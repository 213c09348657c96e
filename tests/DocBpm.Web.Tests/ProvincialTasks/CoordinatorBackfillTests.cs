using DocBpm.Documents.Access;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Tests.ProvincialTasks;

/// <summary>
/// Issue 19, Article 12.1a: a deployed database upgrades with its coordinating units still reading their tasks. The
/// migration that moves the units from the tasks' comma lists into their own indexed rows fills them for the tasks
/// already stored.
/// </summary>
[TestClass]
public sealed class CoordinatorBackfillTests
{
    private const string Migration = "CoordinatingUnitRows";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_1a_upgrading_keeps_each_stored_coordinating_unit_reading_its_task_and_no_other_unit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var upgrade = await MigrationUpgrade.BeforeAsync(database, Migration);
        var context = upgrade.Context;
        var coordinated = Guid.NewGuid();
        var alone = Guid.NewGuid();
        await StoreAsync(upgrade, provider, coordinated, alone);

        await upgrade.UpgradeAsync();

        var rows = await context.Set<ProvincialTask>().AsNoTracking().SelectMany(t => t.CoordinatorRows).OrderBy(c => c.UnitCode)
            .Select(c => $"{c.TaskId}:{c.UnitCode}").ToListAsync();
        CollectionAssert.AreEqual(new[] { $"{coordinated}:KHTC", $"{coordinated}:TCCB" }, rows, "a row per stored unit; none for a task without");
        var tc = await context.Set<ProvincialTask>().Involving("nguoingoai", "TC").CountAsync();
        Assert.AreEqual(0, tc, "a unit whose code begins another's reads nothing");
    }

    /// <summary>Two assigned task lines, one coordinated by "TCCB,KHTC", written in the columns of the schema before the migration.</summary>
    private static Task StoreAsync(MigrationUpgrade upgrade, DatabaseProvider provider, Guid coordinated, Guid alone)
    {
        var at = MigrationUpgrade.At(provider);
        var document = MigrationUpgrade.Id(Guid.NewGuid());
        return upgrade.StoreAsync(
        [
            "INSERT INTO prov_task_documents (\"Id\", \"Code\", \"Subject\", \"RecordedAt\", \"RecordedBy\") VALUES ('" + document
                + "', '12/UBND-VX', 'Về việc báo cáo', " + at + ", 'vanthu')",
            Task(coordinated, document, 1, "'TCCB,KHTC'", at),
            Task(alone, document, 2, "NULL", at),
        ]);
    }

    private static string Task(Guid id, string document, int line, string coordinating, string at) =>
        "INSERT INTO prov_tasks (\"Id\", \"DocumentId\", \"Line\", \"Content\", \"Deadline\", \"OriginalDeadline\", \"Stage\", \"MainUnit\", "
        + "\"CoordinatingUnits\", \"Rejections\", \"Extension\") VALUES ('" + MigrationUpgrade.Id(id) + "', '" + document + "', " + line + ", 'Báo cáo', " + at
        + ", " + at + ", 'Assigned', 'GDTrH', " + coordinating + ", 0, 'None')";
}
