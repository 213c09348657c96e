using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// Article 9.2a "trình Lãnh đạo Sở ký": the unit head presents a draft to one leader — the Director or the deputy who
/// supervises the drafting unit, by default the supervisor — and only that leader signs it.
/// </summary>
[TestClass]
public sealed class SigningLeaderTests
{
    private static readonly object Draft = new
    {
        typeCode = "CV",
        subject = "Về việc tổ chức thi học sinh giỏi cấp tỉnh",
        recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
    };

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_2a_the_draft_is_signed_only_by_the_one_leader_the_unit_head_presents_it_to(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var id = await SubmittedAsync(people.Drafter, Draft);

        var choices = (await people.Head.GetFromJsonAsync<JsonArray>($"/api/outgoing/{id}/leaders"))!;
        Assert.AreEqual("phogiamdoc1", (string?)choices[0]!["userName"], "the deputy supervising GDTrH comes first");
        Assert.IsTrue((bool)choices[0]!["supervises"]!);
        CollectionAssert.AreEquivalent(new[] { "phogiamdoc1", "giamdoc" }, choices.Select(c => (string?)c!["userName"]).ToArray(),
            "the Director and the unit's own deputy, not the deputy of other units");

        await AssertProblemAsync(await people.Drafter.PostAsJsonAsync($"/api/outgoing/{id}/approve", new { leader = "giamdoc" }),
            HttpStatusCode.Forbidden, "không được giao");
        await AssertProblemAsync(await people.Head.PostAsJsonAsync($"/api/outgoing/{id}/approve", new { leader = "phogiamdoc2" }),
            HttpStatusCode.UnprocessableEntity, "chỉ trình được Giám đốc hoặc Phó Giám đốc phụ trách");
        await AssertProblemAsync(await people.Head.PostAsJsonAsync($"/api/outgoing/{id}/approve", new { leader = "chuyenvien" }),
            HttpStatusCode.UnprocessableEntity, "Nông Thị Phó");
        var refused = await people.Drafter.PageAsync(id);
        Assert.AreEqual("Reviewing", (string?)refused["stage"], "a refused choice changes nothing");
        Assert.IsNull((string?)refused["signingLeader"]);
        Assert.AreEqual("UnitHeadCheck", (string?)refused["openSteps"]![0]!["elementId"]);
        Assert.IsFalse(refused["history"]!.AsArray().Any(h => (string?)h!["action"] == "Approved"));

        await people.Head.StepAsync(id, "approve", new { comment = "Trình Giám đốc", leader = "giamdoc" });
        Assert.AreEqual("giamdoc", (string?)(await people.Drafter.PageAsync(id))["signingLeader"]);

        var otherDeputy = await host.LoginAsync("phogiamdoc2");
        Assert.IsFalse((await otherDeputy.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Any(t => (string?)t!["elementId"] == "Sign"),
            "the deputy of other units is not offered it");
        Assert.AreEqual(HttpStatusCode.NotFound, (await otherDeputy.GetAsync($"/api/outgoing/{id}")).StatusCode, "nor shown the draft of a unit he does not supervise");
        Assert.AreEqual("giamdoc", (string?)(await people.Deputy.PageAsync(id))["signingLeader"], "the unit's own deputy still follows it");
        await AssertProblemAsync(await otherDeputy.PostAsJsonAsync($"/api/outgoing/{id}/sign", new { }), HttpStatusCode.Forbidden, "lãnh đạo khác");
        Assert.IsFalse((await people.Deputy.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Any(t => (string?)t!["elementId"] == "Sign"),
            "nor the unit's own deputy once the Director was chosen");
        await AssertProblemAsync(await people.Deputy.PostAsJsonAsync($"/api/outgoing/{id}/sign", new { }), HttpStatusCode.Forbidden, "lãnh đạo khác");
        var unsigned = await people.Drafter.PageAsync(id);
        Assert.AreEqual("AwaitingSignature", (string?)unsigned["stage"]);
        Assert.IsNull((string?)unsigned["signerName"]);

        await AssertProblemAsync(await otherDeputy.PostAsJsonAsync($"/api/outgoing/{id}/return", new { reason = "Không đồng ý" }),
            HttpStatusCode.Forbidden, "không được giao");
        Assert.AreEqual("AwaitingSignature", (string?)(await people.Drafter.PageAsync(id))["stage"], "nor return it");

        var director = await host.LoginAsync("giamdoc");
        Assert.AreEqual(id.ToString(), (string?)(await director.MyTaskAsync("Sign"))["businessKey"]);
        await director.StepAsync(id, "sign");
        var signed = await people.Drafter.PageAsync(id);
        Assert.AreEqual("AwaitingIssue", (string?)signed["stage"]);
        Assert.AreEqual("Hoàng Văn Giám", (string?)signed["signerName"]);
        Assert.IsNull((string?)signed["signerCompetence"], "the Director signs in his own name");
    }

    [TestMethod]
    public async Task Article9_2a_the_chosen_leader_may_return_the_draft_and_the_next_check_presents_it_afresh()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var id = await SubmittedAsync(people.Drafter, Draft);
        await people.Head.StepAsync(id, "approve", new { leader = "giamdoc" });

        await (await host.LoginAsync("giamdoc")).StepAsync(id, "return", new { reason = "Trình Phó Giám đốc phụ trách ký" });
        var returned = await people.Drafter.PageAsync(id);
        Assert.AreEqual("Drafting", (string?)returned["stage"]);
        Assert.IsNull((string?)returned["signingLeader"], "the presentation ended with the return");
        Assert.IsTrue(returned["history"]!.AsArray().Any(h => (string?)h!["action"] == "SignatureRefused"));

        await people.ToClerkAsync(id, "bản sửa");
        var signed = await people.Drafter.PageAsync(id);
        Assert.AreEqual("phogiamdoc1", (string?)signed["signingLeader"], "the default again: the unit's supervisor");
        Assert.AreEqual("KT. GIÁM ĐỐC", (string?)signed["signerCompetence"], "a deputy signs on the Director's behalf");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Only_the_administrator_sets_a_units_supervising_leader_and_only_a_leader_may_be_one(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var admin = await host.LoginAsync("quantri");
        var clerk = await host.LoginAsync("vanthu");

        var notLeader = await admin.PutAsJsonAsync("/api/organisation/units/TCCB/supervisor", new { userName = "chuyenvien" });
        Assert.AreEqual(HttpStatusCode.BadRequest, notLeader.StatusCode);
        StringAssert.Contains((string?)(await notLeader.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!["userName"]![0], "Giám đốc hoặc Phó Giám đốc");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.PutAsJsonAsync("/api/organisation/units/TCCB/supervisor", new { userName = "giamdoc" })).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/organisation/units/NOPE/supervisor", new { userName = "giamdoc" })).StatusCode);
        Assert.AreEqual("phogiamdoc2", await SupervisorAsync(clerk, "TCCB"), "the development seed's delegation, unchanged by the refusals");

        await OutgoingClient.Ok(await admin.PutAsJsonAsync("/api/organisation/units/TCCB/supervisor", new { userName = "phogiamdoc1" }));
        Assert.AreEqual("phogiamdoc1", await SupervisorAsync(clerk, "TCCB"));

        var head = await host.LoginAsync("truongphong.tccb");
        var id = await SubmittedAsync(head, Draft);
        await head.StepAsync(id, "approve");
        Assert.AreEqual("phogiamdoc1", (string?)(await head.PageAsync(id))["signingLeader"], "without a choice the draft goes to the supervisor");
    }

    private static async Task<Guid> SubmittedAsync(HttpClient drafter, object draft)
    {
        var id = await drafter.CreateOutgoingAsync(draft);
        await drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf("dự thảo"));
        await drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        return id;
    }

    private static async Task<string?> SupervisorAsync(HttpClient client, string unit) =>
        (string?)(await client.GetFromJsonAsync<JsonArray>("/api/organisation/units"))!.Single(u => (string?)u!["code"] == unit)!["supervisorUserName"];
}
