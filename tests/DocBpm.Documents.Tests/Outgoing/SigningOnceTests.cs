using DocBpm.Documents.Files;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static DocBpm.Documents.Tests.Outgoing.TestPeople;

namespace DocBpm.Documents.Tests.Outgoing;

/// <summary>
/// Issue 15 item 6: the leader's signature step (an asynchronous job with a side effect, a new signed file) runs once
/// per completion of the Sign task however often its job is fired, and signs a document version once.
/// </summary>
[TestClass]
public sealed class SigningOnceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly CancellationToken None = CancellationToken.None;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_3_a_completed_Sign_stores_one_signed_file_with_one_signature_when_its_job_is_fired_twice(DatabaseProvider provider)
    {
        await using var scenario = await OutgoingScenario.StartAsync(provider, withKeys: true);
        var id = await scenario.AtFinalCheckAsync();
        await scenario.StepAsync(flow => flow.ApproveAsync(id, null, null, Actor(Head), None));
        await scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(Supervisor), None));
        var job = await PersonalSignatureJobAsync(scenario, id);

        var fired = await Task.WhenAll(FireAsync(scenario, job), FireAsync(scenario, job));
        var again = await FireAsync(scenario, job);

        Assert.AreEqual(1, fired.Count(f => f), "one run signs; the other finds the job done or loses the race and stores nothing");
        Assert.IsFalse(again, "a job that ran is never run again");
        var signed = await SignedFilesAsync(scenario);
        Assert.AreEqual(1, signed.Count);
        Assert.AreEqual(1, TestPki.Verifier(TestPki.Instance.Options()).Verify(signed[0].Content, []).Signatures.Count, "one signature");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_3_the_same_version_signed_again_after_a_return_finds_the_signature_already_made(DatabaseProvider provider)
    {
        await using var scenario = await OutgoingScenario.StartAsync(provider, withKeys: true);
        var id = await scenario.AtFinalCheckAsync();
        await SignAndRunAsync(scenario, id);
        await scenario.StepAsync(flow => flow.ReturnAsync(id, "Sai thể thức phần nơi nhận", new TaskActor("vanthu", ["VanThu"]), None));

        await scenario.StepAsync(flow => flow.SubmitAsync(id, [], "Đã kiểm tra lại, không cần sửa tệp", null, Actor(TestPeople.Drafter), None));
        await SignAndRunAsync(scenario, id);

        var signed = await SignedFilesAsync(scenario);
        Assert.AreEqual(1, signed.Count, "one version, one signer: one signed file, however often the Sign step completes");
        Assert.AreEqual(1, TestPki.Verifier(TestPki.Instance.Options()).Verify(signed[0].Content, []).Signatures.Count);
        CollectionAssert.AreEqual(new[] { OutgoingProcess.ClerkCheck }, await scenario.OpenStepsAsync(id), "the flow goes on to the clerk");
    }

    private static async Task SignAndRunAsync(OutgoingScenario scenario, Guid id)
    {
        await scenario.StepAsync(flow => flow.ApproveAsync(id, null, null, Actor(Head), None));
        await scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(Supervisor), None));
        Assert.IsTrue(await FireAsync(scenario, await PersonalSignatureJobAsync(scenario, id)));
    }

    private static Task<Guid> PersonalSignatureJobAsync(OutgoingScenario scenario, Guid id) =>
        scenario.Host.InScopeAsync(sp => sp.GetRequiredService<EngineDb>().Bookmarks.AsNoTracking()
            .Where(b => b.BusinessKey == id.ToString() && b.Kind == BookmarkKind.Job && b.Status == BookmarkStatus.Active)
            .Select(b => b.Id).SingleAsync());

    private static Task<bool> FireAsync(OutgoingScenario scenario, Guid job) =>
        scenario.Host.InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().FireDueAsync(job, None));

    /// <summary>The stored files that are not the drafter's uploads: the signed PDFs.</summary>
    private static Task<List<StoredFile>> SignedFilesAsync(OutgoingScenario scenario) =>
        scenario.Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var uploads = db.Set<DraftVersion>().Select(v => v.FileId);
            return await db.Set<StoredFile>().AsNoTracking().Where(f => !uploads.Contains(f.Id)).ToListAsync();
        });
}
