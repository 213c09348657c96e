using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Incoming;
using DocBpm.Web.Tests.Outgoing;

namespace DocBpm.Web.Tests.Tasks;

/// <summary>
/// An administrator runs the system, not its documents: no document step is theirs to claim or work, no draft theirs
/// to read; a claim that blocks a step can be given back (docs/architecture.md, "Who sees what").
/// </summary>
[TestClass]
public sealed class DocumentTaskAccessTests
{
    [TestMethod]
    public async Task Administrator_claiming_the_clerks_check_is_refused_and_the_clerks_keep_it()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var admin = await host.LoginAsync("quantri");
        var id = await clerk.UploadAsync(host, "Về việc kiểm tra quyền của quản trị hệ thống");
        var task = await clerk.MyTaskAsync("ClerkCheck");

        var claim = await admin.PostAsync($"/api/tasks/{task["id"]}/claim", null);

        Assert.AreEqual(HttpStatusCode.Conflict, claim.StatusCode, await claim.Content.ReadAsStringAsync());
        StringAssert.Contains((string?)(await claim.Content.ReadFromJsonAsync<JsonObject>())!["detail"], "/api/incoming/{id}/register");
        Assert.IsNull((string?)(await clerk.MyTaskAsync("ClerkCheck"))["assignee"], "the check is still offered to every clerk");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/incoming/{id}/register", new { })).StatusCode,
            "nor does the administrator take the clerks' step itself");
        Assert.AreEqual(1, await (await host.LoginAsync("vanthu2")).RegisterAsync(id), "another clerk registers it");
    }

    [TestMethod]
    public async Task Administrator_does_not_read_an_outgoing_draft_or_its_files()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var drafter = await host.LoginAsync("chuyenvien");
        var id = await drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV",
            subject = "Về việc rà soát nhân sự (dự thảo)",
            urgency = "Normal",
            recipients = new object[] { new { kind = "Unit", code = "KHTC" } },
        });
        var fileId = (string?)(await drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf("v1")))["fileId"];
        var admin = await host.LoginAsync("quantri");

        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/outgoing/{id}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/outgoing/{id}/versions")).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/outgoing/{id}/files/{fileId}")).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await (await host.LoginAsync("vanthu")).GetAsync($"/api/outgoing/{id}/files/{fileId}")).StatusCode,
            "a clerk, who follows every document, reads it");
    }

    [TestMethod]
    public async Task A_claim_is_released_by_the_claimer_or_an_administrator_and_the_others_are_refused()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var deputy = await host.LoginAsync("phogiamdoc1");
        var director = await host.LoginAsync("giamdoc");
        var admin = await host.LoginAsync("quantri");
        (await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "sample-approval", variables = new { drafter = "chuyenvien" } }))
            .EnsureSuccessStatusCode();
        var task = (string?)(await director.MyTaskAsync("Review"))["id"];

        Assert.AreEqual(HttpStatusCode.NoContent, (await deputy.PostAsync($"/api/tasks/{task}/claim", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await director.PostAsJsonAsync($"/api/tasks/{task}/complete", new { })).StatusCode,
            "the claim keeps the other candidates out");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await director.PostAsync($"/api/tasks/{task}/release", null)).StatusCode,
            "another candidate may not take it back");
        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/tasks/{task}/release", null)).StatusCode);
        Assert.AreEqual(HttpStatusCode.NoContent, (await director.PostAsync($"/api/tasks/{task}/claim", null)).StatusCode,
            "released, it is offered to every candidate again");
        Assert.AreEqual(HttpStatusCode.NoContent, (await director.PostAsync($"/api/tasks/{task}/release", null)).StatusCode, "by its claimer");
        Assert.AreEqual(HttpStatusCode.Conflict, (await director.PostAsync($"/api/tasks/{task}/release", null)).StatusCode,
            "nobody holds it any more");
    }
}
