using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Tests.Data;

/// <summary>
/// Issue 19: a deployed database with running work upgrades to the engine indexes that let a step rewrite its instance in
/// place, and the look-ups the dropped indexes served still find that work.
/// </summary>
[TestClass]
public sealed class EngineInPlaceStepsUpgradeTests
{
    private const string Migration = "EngineInPlaceSteps";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue19_a_database_with_running_instances_upgrades_and_still_finds_them_by_key_status_and_parent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var upgrade = await MigrationUpgrade.BeforeAsync(database, Migration);
        var context = upgrade.Context;
        var at = MigrationUpgrade.At(provider);
        var (definition, parent, child) = (MigrationUpgrade.Id(Guid.NewGuid()), Guid.NewGuid(), Guid.NewGuid());
        await upgrade.StoreAsync(
        [
            .. MigrationUpgrade.RunningInstance(definition, MigrationUpgrade.Id(parent), at),
            MigrationUpgrade.RunningInstance(definition, MigrationUpgrade.Id(child), at)[1],
            "UPDATE bpm_instances SET \"ParentInstanceId\" = '" + MigrationUpgrade.Id(parent) + "' WHERE \"Id\" = '" + MigrationUpgrade.Id(child) + "'",
        ]);

        await upgrade.UpgradeAsync();

        var instances = context.Set<InstanceRecord>().AsNoTracking();
        CollectionAssert.AreEquivalent(new[] { parent, child }, await instances.Where(i => i.DefinitionKey == "p" && i.Status == InstanceStatus.Running)
            .Select(i => i.Id).ToListAsync(), "the deploy preview's running instances of a key");
        CollectionAssert.AreEqual(new[] { child }, await instances.Where(i => i.ParentInstanceId == parent).Select(i => i.Id).ToListAsync(),
            "the monitor's called instances");
    }
}
