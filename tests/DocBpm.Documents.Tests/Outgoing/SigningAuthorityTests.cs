using System.Text;
using DocBpm.Documents.Access;
using DocBpm.Documents.Authorisations;
using DocBpm.Documents.Files;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using static DocBpm.Documents.Tests.Outgoing.TestPeople;

namespace DocBpm.Documents.Tests.Outgoing;

/// <summary>
/// NĐ30 Art. 13 on the outgoing path: the capacity chosen at submission, limited by the Director's authorisations,
/// checked when the draft is presented and again at the signing instant, recorded and printed; and a waiting signature
/// handed to another leader (Article 9.2a).
/// </summary>
[TestClass]
public sealed class SigningAuthorityTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly CancellationToken None = CancellationToken.None;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article13_4_a_TUQ_signature_is_refused_from_the_instant_its_authorisation_expires_and_nothing_is_stored(
        DatabaseProvider provider)
    {
        await using var scenario = await OutgoingScenario.StartAsync(provider);
        var until = scenario.Host.Clock.GetUtcNow().AddHours(2);
        await GrantAsync(scenario, new AuthorisationGrant(OfficeChief.UserName, SigningCapacity.Authorised, ["QĐ"],
            until.AddDays(-30), until, "05/QĐ-SGDĐT", new DateOnly(2026, 11, 2)));
        var first = await PresentedAsync(scenario, SigningCapacity.Authorised, OfficeChief);
        var second = await PresentedAsync(scenario, SigningCapacity.Authorised, OfficeChief);

        scenario.Host.Clock.SetUtcNow(until.AddTicks(-1));
        await scenario.StepAsync(flow => flow.SignAsync(first, null, Actor(OfficeChief), None));
        var signed = await scenario.DocumentAsync(first);
        Assert.AreEqual("TUQ. GIÁM ĐỐC", signed.SignerCompetence, "the last instant of the authorisation still covers it");
        Assert.AreEqual("Quyết định số 05/QĐ-SGDĐT ngày 02/11/2026", signed.SignerAuthorisation, "the authorising decision is recorded");
        Assert.IsNotNull(signed.SigningAuthorisationId);

        scenario.Host.Clock.SetUtcNow(until);
        var refused = await Assert.ThrowsExactlyAsync<AuthorisationRefusedException>(() =>
            scenario.StepAsync(flow => flow.SignAsync(second, null, Actor(OfficeChief), None)));
        Assert.AreEqual(RefusalKind.Invalid, refused.Kind);
        StringAssert.Contains(refused.DetailVi, "đã hết hạn");
        StringAssert.Contains(refused.DetailVi, "NĐ30 Điều 13");
        var unsigned = await scenario.DocumentAsync(second);
        Assert.AreEqual(OutgoingStage.AwaitingSignature, unsigned.Stage);
        Assert.IsNull(unsigned.SignerUserName, "the refused signature stored nothing");
        Assert.IsNull(unsigned.SignerCompetence);
        CollectionAssert.AreEqual(new[] { OutgoingProcess.Sign }, await scenario.OpenStepsAsync(second));
    }

    [TestMethod]
    public async Task Decree30_Article13_4_an_authorisation_that_does_not_cover_the_type_or_was_revoked_before_signing_allows_no_TUQ_signature()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var now = scenario.Host.Clock.GetUtcNow();
        await GrantAsync(scenario, new AuthorisationGrant(OfficeChief.UserName, SigningCapacity.Authorised, ["CV"], now, now.AddDays(30), "07/QĐ-SGDĐT",
            new DateOnly(2026, 11, 20)));
        var id = await scenario.AtFinalCheckAsync(SigningCapacity.Authorised);

        var notPresented = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.ApproveAsync(id, null, OfficeChief.UserName, Actor(Head), None)));
        Assert.AreEqual(RefusalKind.Invalid, notPresented.Kind, "a Quyết định is not among the types given to him");
        Assert.AreEqual(OutgoingStage.Reviewing, (await scenario.DocumentAsync(id)).Stage);
        var why = await Assert.ThrowsExactlyAsync<AuthorisationRefusedException>(() => scenario.Host.InScopeAsync(sp =>
            sp.GetRequiredService<SigningAuthorisations>().ResolveAsync(OfficeChief, "QĐ", SigningCapacity.Authorised, now, None)));
        StringAssert.Contains(why.DetailVi, "không gồm loại văn bản QĐ");

        var covering = await GrantAsync(scenario, new AuthorisationGrant(OfficeChief.UserName, SigningCapacity.Authorised, ["QĐ"], now, now.AddDays(30),
            "08/QĐ-SGDĐT", new DateOnly(2026, 11, 20)));
        await scenario.StepAsync(flow => flow.ApproveAsync(id, null, OfficeChief.UserName, Actor(Head), None));
        await scenario.Host.InScopeAsync(sp => sp.GetRequiredService<SigningAuthorisations>().RevokeAsync(covering.Id, Director.UserName, None));

        var refused = await Assert.ThrowsExactlyAsync<AuthorisationRefusedException>(() =>
            scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(OfficeChief), None)));
        StringAssert.Contains(refused.DetailVi, "đã bị thu hồi");
        Assert.IsNull((await scenario.DocumentAsync(id)).SignerUserName);
    }

    [TestMethod]
    public async Task Decree30_Article13_4_a_TUQ_authorisation_needs_its_written_decision_and_only_the_Directors_capacities_are_granted()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite);
        var now = scenario.Host.Clock.GetUtcNow();

        foreach (var (grant, says) in new (AuthorisationGrant, string)[]
        {
            (new(OfficeChief.UserName, SigningCapacity.Authorised, ["QĐ"], now, now.AddDays(1)), "số và ngày của quyết định ủy quyền"),
            (new(OfficeChief.UserName, SigningCapacity.OnBehalf, ["QĐ"], now, now.AddDays(1)), "theo chức vụ"),
            (new(OfficeChief.UserName, SigningCapacity.ByOrder, [], now, now.AddDays(1)), "loại văn bản"),
            (new(OfficeChief.UserName, SigningCapacity.ByOrder, ["XX"], now, now.AddDays(1)), "XX"),
            (new(OfficeChief.UserName, SigningCapacity.ByOrder, ["CV"], now, now), "kết thúc sau khi bắt đầu"),
            (new("khongco", SigningCapacity.ByOrder, ["CV"], now, now.AddDays(1)), "không tồn tại"),
        })
        {
            var refused = await Assert.ThrowsExactlyAsync<AuthorisationRefusedException>(() => GrantAsync(scenario, grant));
            Assert.AreEqual(RefusalKind.Invalid, refused.Kind);
            StringAssert.Contains(refused.DetailVi, says);
        }

        Assert.AreEqual(0, (await scenario.Host.InScopeAsync(sp => sp.GetRequiredService<SigningAuthorisations>().ListAsync(None))).Count, "nothing stored");
    }

    [TestMethod]
    public async Task Decree30_Article13_1_only_a_deputy_signs_KT_and_his_capacity_is_the_signatures_reason_in_the_PDF()
    {
        await using var scenario = await OutgoingScenario.StartAsync(DatabaseProvider.Sqlite, withKeys: true);
        var id = await scenario.AtFinalCheckAsync(SigningCapacity.OnBehalf);

        var refused = await Assert.ThrowsExactlyAsync<AuthorisationRefusedException>(() =>
            scenario.StepAsync(flow => flow.ApproveAsync(id, null, Director.UserName, Actor(Head), None)));
        StringAssert.Contains(refused.DetailVi, "Chỉ Phó Giám đốc ký thay (KT.)");
        Assert.IsNull((await scenario.DocumentAsync(id)).SigningLeader);

        await scenario.StepAsync(flow => flow.ApproveAsync(id, null, null, Actor(Head), None));
        await scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(Supervisor), None));
        var job = await scenario.Host.InScopeAsync(sp => sp.GetRequiredService<EngineDb>().Bookmarks.AsNoTracking()
            .Where(b => b.BusinessKey == id.ToString() && b.Kind == BookmarkKind.Job && b.Status == BookmarkStatus.Active).Select(b => b.Id).SingleAsync());
        Assert.IsTrue(await scenario.Host.InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().FireDueAsync(job, None)));

        var signed = await scenario.Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var uploads = db.Set<DraftVersion>().Select(v => v.FileId);
            return await db.Set<StoredFile>().AsNoTracking().Where(f => !uploads.Contains(f.Id)).SingleAsync();
        });
        var reason = "/Reason <" + Convert.ToHexString([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")]) + ">";
        StringAssert.Contains(Encoding.Latin1.GetString(signed.Content), reason, "the signature block's capacity line is the signature's reason");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_2a_a_waiting_signature_is_handed_to_another_leader_who_may_sign_it_and_the_history_keeps_both_names(
        DatabaseProvider provider)
    {
        await using var scenario = await OutgoingScenario.StartAsync(provider);
        var id = await PresentedAsync(scenario, null, Supervisor);

        await AssertRefusedAsync(scenario, id, OtherDeputy.UserName, "Đi công tác", Actor(TestPeople.Drafter), RefusalKind.Forbidden, "Chánh Văn phòng");
        await AssertRefusedAsync(scenario, id, OtherDeputy.UserName, "Đi công tác", Actor(Supervisor), RefusalKind.Invalid, "chỉ trình được");
        await AssertRefusedAsync(scenario, id, Director.UserName, " ", Actor(Supervisor), RefusalKind.Invalid, "Lý do chuyển ký");
        await AssertRefusedAsync(scenario, id, Supervisor.UserName, "Đi công tác", Actor(Supervisor), RefusalKind.Invalid, "chính lãnh đạo này");
        Assert.AreEqual(Supervisor.UserName, (await scenario.DocumentAsync(id)).SigningLeader, "refusals change nothing");

        await scenario.StepAsync(flow => flow.HandOverSigningAsync(id, Director.UserName, "Đi công tác Hà Nội", Actor(Supervisor), None));
        Assert.AreEqual(Director.UserName, (await scenario.DocumentAsync(id)).SigningLeader);
        var handed = (await HistoryAsync(scenario, id)).Single(h => h.Action == OutgoingAction.SigningHandedOver);
        Assert.AreEqual(Supervisor.UserName, handed.Actor);
        Assert.AreEqual("Lương Thị Hoa (phogiamdoc1) → Hoàng Văn Minh (giamdoc): Đi công tác Hà Nội", handed.Comment);
        var away = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(Supervisor), None)));
        Assert.AreEqual(RefusalKind.Forbidden, away.Kind, "the first leader no longer signs it");

        await scenario.StepAsync(flow => flow.SignAsync(id, null, Actor(Director), None));
        Assert.IsNull((await scenario.DocumentAsync(id)).SignerCompetence, "the Director signs in his own name");
        await AssertRefusedAsync(scenario, id, Supervisor.UserName, "Về sớm", Actor(Director), RefusalKind.Conflict, "không còn chờ ký");

        var forHim = await PresentedAsync(scenario, null, Supervisor);
        var officeChief = new TaskActor(OfficeChief.UserName, [StaffRole.OfficeChief, "VP"]);
        await scenario.StepAsync(flow => flow.HandOverSigningAsync(forHim, Director.UserName, "Phó Giám đốc nghỉ phép", officeChief, None));
        Assert.AreEqual(Director.UserName, (await scenario.DocumentAsync(forHim)).SigningLeader, "the office chief hands it over on his behalf");
    }

    private static async Task<Guid> PresentedAsync(OutgoingScenario scenario, SigningCapacity? capacity, Person leader)
    {
        var id = await scenario.AtFinalCheckAsync(capacity);
        await scenario.StepAsync(flow => flow.ApproveAsync(id, null, leader.UserName, Actor(Head), None));
        return id;
    }

    private static Task<SigningAuthorisation> GrantAsync(OutgoingScenario scenario, AuthorisationGrant grant) =>
        scenario.Host.InScopeAsync(sp => sp.GetRequiredService<SigningAuthorisations>().GrantAsync(grant, Director.UserName, None));

    private static async Task AssertRefusedAsync(OutgoingScenario scenario, Guid id, string to, string reason, TaskActor actor, RefusalKind kind, string says)
    {
        var refused = await Assert.ThrowsExactlyAsync<OutgoingRefusedException>(() =>
            scenario.StepAsync(flow => flow.HandOverSigningAsync(id, to, reason, actor, None)));
        Assert.AreEqual(kind, refused.Kind, refused.DetailVi);
        StringAssert.Contains(refused.DetailVi, says);
    }

    private static Task<List<OutgoingHistoryEntry>> HistoryAsync(OutgoingScenario scenario, Guid id) =>
        scenario.Host.InScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<OutgoingHistoryEntry>().AsNoTracking()
            .Where(h => h.DocumentId == id).ToListAsync());
}
