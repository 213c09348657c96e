using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using DocBpm.Documents.Registers;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// NĐ30 Art. 13 over HTTP: the Director grants a TUQ. signature, the draft asks for it, the office chief signs under it
/// and the register records the decision; a waiting signature is handed to another leader (Article 9.2a).
/// </summary>
[TestClass]
public sealed class SigningAuthorisationApiTests
{
    private const string Url = "/api/signing-authorisations";

    private static readonly object Letter = new
    {
        typeCode = "CV",
        subject = "Về việc tổ chức thi học sinh giỏi cấp tỉnh",
        recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
    };

    [TestMethod]
    public async Task Decree30_Article13_4_the_Director_grants_TUQ_the_office_chief_signs_under_it_and_the_register_records_the_decision()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        host.Settings["Signatures:Keys:chanhvanphong:Path"] = TestPki.Instance.Pkcs12(TestPki.Instance.Deputy, "pw");
        host.Settings["Signatures:Keys:chanhvanphong:Password"] = "pw";
        var people = await OutgoingPeople.StartAsync(host);
        var director = await host.LoginAsync("giamdoc");
        var chief = await host.LoginAsync("chanhvanphong");
        var from = OutgoingPeople.Wednesday.AddDays(-1);
        var grant = new
        {
            userName = "chanhvanphong", capacity = "Authorised", documentTypes = new[] { "CV" }, validFrom = from, validUntil = from.AddDays(30),
            decisionNumber = "05/QĐ-SGDĐT", decisionDate = "2026-11-20",
        };

        Assert.AreEqual(HttpStatusCode.Forbidden, (await people.Clerk.PostAsJsonAsync(Url, grant)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await chief.GetAsync(Url)).StatusCode, "nor may the grantee read or grant them");
        await AssertProblemAsync(await director.PostAsJsonAsync(Url, grant with { decisionNumber = "" }), HttpStatusCode.UnprocessableEntity,
            "quyết định ủy quyền");
        Assert.AreEqual(0, (await director.GetFromJsonAsync<JsonArray>(Url))!.Count, "a refused grant stores nothing");
        var granted = (await OutgoingClient.Ok(await director.PostAsJsonAsync(Url, grant)))!;
        var page = WebUtility.HtmlDecode(await director.GetStringAsync("/signing-authorisations"));
        StringAssert.Contains(page, "<td>Vi Thị Chánh (Chánh Văn phòng)</td>", "the grantee by name and position, not by login");
        StringAssert.Contains(page, "<option value=\"chanhvanphong\">Vi Thị Chánh (Chánh Văn phòng)</option>", "picked from the people, not typed");
        Assert.IsFalse(page.Contains("<option value=\"giamdoc\"", StringComparison.Ordinal), "the Director grants to others, not himself");

        var id = await people.Drafter.CreateOutgoingAsync(Letter);
        await people.Drafter.UploadAsync(id, "du-thao.pdf", Pdf("dự thảo"));
        await people.Drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>(), capacity = "Authorised" });
        Assert.AreEqual("Authorised", (string?)(await people.Drafter.PageAsync(id))["requestedCapacity"]);
        CollectionAssert.Contains((await people.Head.GetFromJsonAsync<JsonArray>($"/api/outgoing/{id}/leaders"))!
            .Select(l => (string?)l!["userName"]).ToArray(), "chanhvanphong", "whom the Director authorised is offered");
        await people.Head.StepAsync(id, "approve", new { leader = "chanhvanphong" });

        await AssertProblemAsync(await people.Drafter.PostAsJsonAsync($"/api/outgoing/{id}/sign/handover", new { leader = "giamdoc", reason = "Vắng" }),
            HttpStatusCode.Forbidden, "Chánh Văn phòng");
        await AssertProblemAsync(await chief.PostAsJsonAsync($"/api/outgoing/{id}/sign/handover", new { leader = "chuyenvien", reason = "Vắng" }),
            HttpStatusCode.UnprocessableEntity, "chỉ trình được");
        await chief.StepAsync(id, "sign");
        await host.RunDueWorkAsync();
        var signed = await people.Drafter.PageAsync(id);
        Assert.AreEqual("TUQ. GIÁM ĐỐC", (string?)signed["signerCompetence"]);
        Assert.AreEqual("Quyết định số 05/QĐ-SGDĐT ngày 20/11/2026", (string?)signed["signerAuthorisation"]);

        await people.IssueAsync(id);
        var export = $"/api/registers/{RegisterBookSeed.Outgoing}/export?from=2026-11-25&to=2026-11-25&format=xlsx";
        using var register = new XLWorkbook(new MemoryStream(await people.Clerk.GetByteArrayAsync(export)));
        StringAssert.Contains(string.Join(" | ", register.Worksheet(1).CellsUsed().Select(c => c.GetString())),
            "TUQ. GIÁM ĐỐC Chánh Văn phòng Vi Thị Chánh (theo Quyết định số 05/QĐ-SGDĐT ngày 20/11/2026)");

        var revoked = (await OutgoingClient.Ok(await director.PostAsync($"{Url}/{(string?)granted["id"]}/revoke", null)))!;
        Assert.AreEqual("giamdoc", (string?)revoked["revokedBy"]);
    }

    [TestMethod]
    public async Task Article9_2a_a_leader_who_is_away_hands_the_waiting_signature_to_the_Director_who_then_signs_it()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var id = await people.Drafter.CreateOutgoingAsync(Letter);
        await people.Drafter.UploadAsync(id, "du-thao.pdf", Pdf("dự thảo"));
        await people.Drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        await people.Head.StepAsync(id, "approve");

        await people.Deputy.StepAsync(id, "sign/handover", new { leader = "giamdoc", reason = "Đi công tác" });
        var director = await host.LoginAsync("giamdoc");
        Assert.AreEqual(id.ToString(), (string?)(await director.MyTaskAsync("Sign"))["businessKey"], "the Sign task is now the Director's");
        var page = await people.Drafter.PageAsync(id);
        Assert.AreEqual("giamdoc", (string?)page["signingLeader"]);
        StringAssert.Contains((string?)page["history"]!.AsArray().Single(h => (string?)h!["action"] == "SigningHandedOver")!["comment"],
            "Nông Thị Phó (phogiamdoc1) → Hoàng Văn Giám (giamdoc): Đi công tác");

        await director.StepAsync(id, "sign");
        await AssertProblemAsync(await people.Deputy.PostAsJsonAsync($"/api/outgoing/{id}/sign/handover", new { leader = "phogiamdoc1", reason = "Đã về" }),
            HttpStatusCode.Conflict, "không còn chờ ký");
    }
}
