using System.Text.Json.Nodes;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static DocBpm.Documents.Tests.Outgoing.TestPeople;

namespace DocBpm.Documents.Tests.Outgoing;

/// <summary>
/// Article 9 on the outgoing path, below HTTP: who may submit, present, sign, return and correct, and the stage each
/// step leaves. A refusal cites its article and leaves the document and its process as they were.
/// </summary>
[TestClass]
public sealed class Article9RulesTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly CancellationToken None = CancellationToken.None;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_2a_the_unit_head_presents_the_draft_to_the_units_supervisor_by_default_and_only_that_leader_signs(
        DatabaseProvider provider)
    {
        await using var scenario = await OutgoingScenario.StartAsync(provider);
        var id = await scenario.AtFinalCheckAsync();
        Assert.AreEqual(OutgoingStage.Reviewing, (await scenario.DocumentAsync(id)).Stage);

        await scenario.StepAsync(flow => flow.ApproveAsync(id, "Đồng ý", null, Actor(Head), None));
        var presented = await scenario.DocumentAsync(id);
        Assert.AreEqual(Supervisor.UserName, presented.SigningLeader, "without a choice, the deputy supervising the unit");
        Assert.AreEqual(OutgoingStage.AwaitingSignature, presented.Stage);

        var refused = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(Director), None)));
        Assert.AreEqual(RefusalKind.Forbidden, refused.Kind);
        StringAssert.Contains(refused.DetailVi, "Điều 9.2a");
        Assert.IsNull((await scenario.DocumentAsync(id)).SignerUserName, "the refused signature stored nothing");
        CollectionAssert.AreEqual(new[] { OutgoingProcess.Sign }, await scenario.OpenStepsAsync(id));

        await scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(Supervisor), None));
        var signed = await scenario.DocumentAsync(id);
        Assert.AreEqual(OutgoingStage.AwaitingIssue, signed.Stage);
        Assert.AreEqual("KT. GIÁM ĐỐC", signed.SignerCompetence, "a deputy signs for the Director (NĐ30 art. 13)");
        Assert.AreEqual(Supervisor.FullName, signed.SignerName);
        Assert.AreEqual("Phó Giám đốc", signed.SignerPosition);
        Assert.AreEqual(0, (await scenario.OpenStepsAsync(id)).Count, "the personal signature runs before the clerk's check");
    }

    [TestMethod]
    public async Task Article9_2a_the_Director_chosen_by_the_unit_head_signs_in_his_own_name()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var id = await scenario.AtFinalCheckAsync();

        await scenario.StepAsync(flow => flow.ApproveAsync(id, null, Director.UserName, Actor(Head), None));
        await scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(Director), None));

        var signed = await scenario.DocumentAsync(id);
        Assert.AreEqual(Director.UserName, signed.SignerUserName);
        Assert.IsNull(signed.SignerCompetence, "no KT. when the Director signs");
    }

    [TestMethod]
    public async Task Article9_2a_a_draft_is_presented_only_to_the_Director_or_the_deputy_supervising_the_unit()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var id = await scenario.AtFinalCheckAsync();
        var allowed = await OutgoingLeadersAsync(scenario);
        CollectionAssert.AreEqual(new[] { Supervisor.UserName, Director.UserName }, allowed, "the supervisor first, as the default");

        var refused = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.ApproveAsync(id, null, OtherDeputy.UserName, Actor(Head), None)));

        Assert.AreEqual(RefusalKind.Invalid, refused.Kind);
        StringAssert.Contains(refused.DetailVi, "Điều 9.2a");
        var unchanged = await scenario.DocumentAsync(id);
        Assert.AreEqual(OutgoingStage.Reviewing, unchanged.Stage);
        Assert.IsNull(unchanged.SigningLeader);
        CollectionAssert.AreEqual(new[] { OutgoingProcess.UnitHeadCheck }, await scenario.OpenStepsAsync(id));
    }

    [TestMethod]
    public async Task Article9_2a_only_the_unit_head_does_the_final_check()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var id = await scenario.AtFinalCheckAsync();

        var refused = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.ApproveAsync(id, null, null, Actor(Colleague), None)));

        Assert.AreEqual(RefusalKind.Forbidden, refused.Kind);
        Assert.AreEqual(OutgoingStage.Reviewing, (await scenario.DocumentAsync(id)).Stage);
    }

    [TestMethod]
    public async Task Article9_2a_the_leader_returns_the_draft_to_the_drafter_with_a_reason_and_the_next_check_presents_it_afresh()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var id = await scenario.AtFinalCheckAsync();
        await scenario.StepAsync(flow => flow.ApproveAsync(id, null, null, Actor(Head), None));

        var noReason = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.ReturnAsync(id, " ", Actor(Supervisor), None)));
        Assert.AreEqual(RefusalKind.Invalid, noReason.Kind);
        Assert.AreEqual(OutgoingStage.AwaitingSignature, (await scenario.DocumentAsync(id)).Stage, "a return without reason changes nothing");

        await scenario.StepAsync(flow => flow.ReturnAsync(id, "Sửa căn cứ pháp lý", Actor(Supervisor), None));

        var returned = await scenario.DocumentAsync(id);
        Assert.AreEqual(OutgoingStage.Drafting, returned.Stage);
        Assert.IsNull(returned.SigningLeader);
        CollectionAssert.AreEqual(new[] { OutgoingProcess.Draft }, await scenario.OpenStepsAsync(id));
    }

    [TestMethod]
    public void Article9_2b_the_clerk_returns_a_signed_document_with_errors_to_the_drafter()
    {
        var signed = new OutgoingDocument
        {
            TypeCode = "QĐ", TypeName = "Quyết định", Subject = "Thành lập đoàn", DraftingUnit = Unit, Drafter = TestPeople.Drafter.UserName,
            Stage = OutgoingStage.AwaitingIssue, SigningLeader = Supervisor.UserName,
        };

        var (step, action) = signed.Return();

        Assert.AreEqual(OutgoingProcess.ClerkCheck, step);
        Assert.AreEqual(OutgoingAction.ReturnedByClerk, action);
        Assert.AreEqual(OutgoingStage.Drafting, signed.Stage);
        Assert.IsNull(signed.SigningLeader, "the corrected draft is presented again (Article 9.2b)");
        Assert.AreEqual(RefusalKind.Conflict, Assert.ThrowsExactly<OutgoingRefusedException>(() => signed.Return()).Kind, "a draft has nothing to return");
    }

    [TestMethod]
    public async Task Article9_1_only_the_drafter_chooses_the_recipients_and_never_a_locked_account()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var id = await scenario.DraftAsync();

        var colleague = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() => scenario.StepAsync(flow =>
            flow.SetRecipientsAsync(id, [new RecipientChoice(RecipientKind.Person, Colleague.UserName)], Actor(Colleague), None)));
        Assert.AreEqual(RefusalKind.Forbidden, colleague.Kind);
        StringAssert.Contains(colleague.DetailVi, "Điều 9.1");

        var locked = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() => scenario.StepAsync(flow =>
            flow.SetRecipientsAsync(id, [new RecipientChoice(RecipientKind.Person, Locked.UserName)], Actor(TestPeople.Drafter), None)));
        StringAssert.Contains(locked.DetailVi, "đang bị khóa");

        await scenario.StepAsync(flow =>
            flow.SetRecipientsAsync(id, [new RecipientChoice(RecipientKind.Person, Colleague.UserName.ToUpperInvariant())], Actor(TestPeople.Drafter), None));
    }

    [TestMethod]
    public async Task Article9_2a_a_unit_without_a_head_cannot_start_a_draft_nobody_could_check()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var refused = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() => scenario.StepAsync(flow =>
            flow.CreateAsync(new NewDraft("QĐ", "Quyết định"), Actor(Planner), None)));

        StringAssert.Contains(refused.DetailVi, "chưa có trưởng đơn vị");
    }

    [TestMethod]
    public void Article9_5_only_the_drafting_unit_replaces_or_corrects_its_issued_document()
    {
        var issued = new OutgoingDocument
        {
            TypeCode = "QĐ", TypeName = "Quyết định", Subject = "Thành lập đoàn", DraftingUnit = Unit, Drafter = TestPeople.Drafter.UserName,
            Stage = OutgoingStage.Issued,
        };

        issued.ExpectCorrectionBy(new Documents.Outgoing.Drafter(Colleague.UserName, Unit));
        var refused = Assert.ThrowsExactly<OutgoingRefusedException>(() => issued.ExpectCorrectionBy(new Documents.Outgoing.Drafter(Planner.UserName, "KHTC")));
        Assert.AreEqual(RefusalKind.Forbidden, refused.Kind);
        StringAssert.Contains(refused.DetailVi, "Điều 9.5");
    }

    [TestMethod]
    public async Task Article3_3a_a_draft_whose_main_file_is_not_a_PDF_cannot_go_to_signing()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var id = await scenario.DraftAsync();
        await scenario.StepAsync(flow => flow.UploadAsync(id, DraftFileKind.Main, "du-thao.txt", "text/plain", "Dự thảo quyết định"u8.ToArray(), null,
            Actor(TestPeople.Drafter), None));

        var refused = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.SubmitAsync(id, [], null, null, Actor(TestPeople.Drafter), None)));

        Assert.AreEqual(RefusalKind.Invalid, refused.Kind);
        StringAssert.Contains(refused.DetailVi, "Điều 3.3a");
        StringAssert.Contains(refused.DetailVi, "du-thao.txt", "the last version counts, not the earlier PDF");
        Assert.AreEqual(OutgoingStage.Drafting, (await scenario.DocumentAsync(id)).Stage);
        CollectionAssert.AreEqual(new[] { OutgoingProcess.Draft }, await scenario.OpenStepsAsync(id));
    }

    [TestMethod]
    public async Task Issue16_an_instance_carrying_the_documents_key_that_its_flow_did_not_start_moves_nothing()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var id = await scenario.DraftAsync();
        await using (var scope = scenario.Host.Scope())
        {
            // The clerk's attack: the same key, with himself as drafter and unit head.
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(new StartRequest(OutgoingProcess.Key,
                new Dictionary<string, JsonNode?> { ["documentId"] = id.ToString(), ["drafter"] = Colleague.UserName, ["unitHeads"] = new JsonArray(Colleague.UserName),
                    ["reviewers"] = new JsonArray(), ["priority"] = 0, ["agencyKey"] = "agency" },
                id.ToString(), Colleague.UserName), None);
        }

        var refused = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.SubmitAsync(id, [], null, null, Actor(Colleague), None)));

        Assert.AreEqual(RefusalKind.Forbidden, refused.Kind);
        Assert.AreEqual(OutgoingStage.Drafting, (await scenario.DocumentAsync(id)).Stage);
        await scenario.StepAsync(flow => flow.SubmitAsync(id, [], null, null, Actor(TestPeople.Drafter), None));
        Assert.AreEqual(OutgoingStage.Reviewing, (await scenario.DocumentAsync(id)).Stage, "the drafter's own task moves it");
        CollectionAssert.Contains(await scenario.OpenStepsAsync(id), OutgoingProcess.Draft, "the forged instance's task moved nothing");
    }

    private static async Task<List<string>> OutgoingLeadersAsync(OutgoingScenario scenario)
    {
        await using var scope = scenario.Host.Scope();
        var leaders = scope.ServiceProvider.GetRequiredService<SigningLeaders>();
        return [.. (await leaders.AllowedAsync(Unit, "QĐ", None)).Select(l => l.UserName)];
    }
}
