using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.Outgoing;

using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Accounts;

/// <summary>Article 16.1: a user reports that their account or the system misbehaves; the office and the admin close the report.</summary>
[TestClass]
public sealed class IncidentReportTests
{
    private const string Url = "/api/incident-reports";

    [TestMethod]
    public async Task Article16_1_a_user_reports_a_lost_account_the_office_chief_closes_it_and_the_reporter_sees_how()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var staff = await host.LoginAsync("chuyenvien");
        var chief = await host.LoginAsync("chanhvanphong");
        var admin = await host.LoginAsync("quantri");

        await AssertProblemAsync(await staff.PostAsJsonAsync(Url, new { kind = "System", description = " " }), HttpStatusCode.UnprocessableEntity, "mô tả");
        var report = (await OutgoingClient.Ok(await staff.PostAsJsonAsync(Url, new { kind = "Account", description = "Tôi nghi mật khẩu đã bị lộ" })))!;
        var id = (string?)report["id"];
        Assert.AreEqual(HttpStatusCode.Forbidden, (await staff.GetAsync(Url)).StatusCode, "a user sees only his own reports");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"{Url}/{id}/close", new { note = "Tự xử lý" })).StatusCode);

        var open = (await chief.GetFromJsonAsync<JsonArray>($"{Url}?open=true"))!;
        Assert.AreEqual("chuyenvien", (string?)open.Single(r => (string?)r!["id"] == id)!["reportedBy"]);
        await AssertProblemAsync(await chief.PostAsJsonAsync($"{Url}/{id}/close", new { note = "" }), HttpStatusCode.UnprocessableEntity, "cách đã xử lý");
        Assert.IsTrue((bool)(await staff.GetFromJsonAsync<JsonArray>($"{Url}/mine"))![0]!["open"]!, "a refused close changes nothing");

        await OutgoingClient.Ok(await chief.PostAsJsonAsync($"{Url}/{id}/close", new { note = "Đã đổi mật khẩu và đăng xuất mọi phiên" }));
        await AssertProblemAsync(await admin.PostAsJsonAsync($"{Url}/{id}/close", new { note = "Kiểm tra lại" }), HttpStatusCode.Conflict, "đã được");
        var mine = (await staff.GetFromJsonAsync<JsonArray>($"{Url}/mine"))![0]!;
        Assert.IsFalse((bool)mine["open"]!);
        Assert.AreEqual("chanhvanphong", (string?)mine["closedBy"]);
        Assert.AreEqual("Đã đổi mật khẩu và đăng xuất mọi phiên", (string?)mine["closingNote"]);
        Assert.AreEqual(0, (await admin.GetFromJsonAsync<JsonArray>($"{Url}?open=true"))!.Count);
    }
}
