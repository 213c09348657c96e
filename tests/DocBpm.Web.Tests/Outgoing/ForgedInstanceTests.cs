using System.Net;
using System.Net.Http.Json;
using DocBpm.Engine.Persistence;

using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// Issue 16: a clerk started an <c>outgoing</c> instance carrying another unit's draft, naming himself drafter and unit
/// head, and pushed the draft to the leader. A document flow's process starts only with its document.
/// </summary>
[TestClass]
public sealed class ForgedInstanceTests
{
    [TestMethod]
    public async Task A_clerk_cannot_start_a_document_flows_process_or_send_its_messages_through_the_generic_api()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var drafter = await host.LoginAsync("chuyenvien");
        var clerk = await host.LoginAsync("vanthu");
        var id = await drafter.CreateOutgoingAsync(new
        {
            typeCode = "QĐ",
            subject = "Quyết định thành lập đoàn kiểm tra",
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await drafter.UploadAsync(id, "du-thao.pdf", Pdf("dự thảo"));

        var forged = await clerk.PostAsJsonAsync("/api/instances", new
        {
            definitionKey = "outgoing",
            businessKey = id.ToString(),
            variables = new { documentId = id.ToString(), drafter = "vanthu", unitHeads = new[] { "vanthu" }, reviewers = Array.Empty<string>() },
        });
        await AssertProblemAsync(forged, HttpStatusCode.BadRequest, "chỉ thực hiện được qua chức năng của văn bản");
        var paper = await clerk.PostAsJsonAsync("/api/messages", new { messageName = "incoming-paper", businessKey = "gia-mao" });
        await AssertProblemAsync(paper, HttpStatusCode.BadRequest, "incoming-paper");

        var submit = await clerk.PostAsJsonAsync($"/api/outgoing/{id}/submit", new { reviewers = Array.Empty<string>() });
        Assert.AreEqual(HttpStatusCode.Forbidden, submit.StatusCode, "the draft's own task is the drafter's");
        var page = await drafter.PageAsync(id);
        Assert.AreEqual("Drafting", (string?)page["stage"]);
        Assert.AreEqual("Draft", (string?)page["openSteps"]!.AsArray().Single()!["elementId"]);
    }
}
