using DocBpm.Documents.Access;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Documents.Tests.ProvincialTasks;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Tests.Access;

/// <summary>
/// Article 12.1a: the people of each unit the Director asks to coordinate a task read it, and no other unit does, on
/// the database (the access condition joins the task's coordinator rows; codes are whole, never parts of another code).
/// </summary>
[TestClass]
public sealed class TaskVisibilityTests
{
    private const string Nobody = "nguoingoai";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_1a_the_main_unit_and_each_coordinating_unit_read_the_task(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var task = await StoreAssignedAsync(host, "GDTrH", "TCCB", "KHTC");

        foreach (var unit in new[] { "GDTrH", "TCCB", "KHTC" })
            CollectionAssert.AreEqual(new[] { task }, await InvolvingAsync(host, unit), unit);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_1a_a_unit_whose_code_is_part_of_a_coordinating_unit_code_does_not_read_the_task(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        await StoreAssignedAsync(host, "GDTrH", "TCCB", "KHTC");

        // A prefix, a suffix, a longer code, a LIKE wildcard, the stored list itself.
        foreach (var unit in new[] { "TC", "CB", "TCCBX", "TC_B", "TCCB,KHTC" })
            Assert.AreEqual(0, (await InvolvingAsync(host, unit)).Count, unit);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article12_1a_a_unit_the_Director_takes_off_the_coordination_no_longer_reads_the_task(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var id = await StoreAssignedAsync(host, "GDTrH", "TCCB", "KHTC");

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            var task = await db.Set<ProvincialTask>().SingleAsync(t => t.Id == id);
            task.ChangeCoordinators(["KHTC", "TTr"]);
            await db.SaveChangesAsync();
        }

        Assert.AreEqual(0, (await InvolvingAsync(host, "TCCB")).Count, "taken off");
        CollectionAssert.AreEqual(new[] { id }, await InvolvingAsync(host, "KHTC"), "kept");
        CollectionAssert.AreEqual(new[] { id }, await InvolvingAsync(host, "TTr"), "added");
        var stored = await host.InScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<ProvincialTask>().AsNoTracking().SingleAsync(t => t.Id == id));
        CollectionAssert.AreEqual(new[] { "KHTC", "TTr" }, stored.Coordinators.ToList(), "the list in the Director's order");
    }

    /// <summary>A task line the Director assigned, stored through the rule that assigns it.</summary>
    private static async Task<Guid> StoreAssignedAsync(DocumentsTestHost host, string mainUnit, params string[] coordinating)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var task = TaskScenario.At(TaskStage.Registered);
        task.Assign(mainUnit, coordinating);
        db.Add(new TaskDocument { Code = "123/UBND-VX", Subject = "Về việc báo cáo", RecordedBy = "vanthu", Tasks = [task] });
        await db.SaveChangesAsync();
        return task.Id;
    }

    private static Task<List<Guid>> InvolvingAsync(DocumentsTestHost host, string unit) => host.InScopeAsync(sp =>
        sp.GetRequiredService<DbContext>().Set<ProvincialTask>().Involving(Nobody, unit).Select(t => t.Id).ToListAsync());
}
