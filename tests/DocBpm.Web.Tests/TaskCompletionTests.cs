using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Incoming;

namespace DocBpm.Web.Tests;

/// <summary>The generic task completion never moves a document's process past the document's own record.</summary>
[TestClass]
public sealed class TaskCompletionTests
{
    [TestMethod]
    public async Task Completing_a_document_task_generically_is_refused_naming_the_document_action_and_changes_nothing()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc kiểm tra hoàn thành công việc");
        var task = await clerk.MyTaskAsync("ClerkCheck");

        var refused = await clerk.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { variables = new { accepted = true } });

        var body = await refused.Content.ReadAsStringAsync();
        Assert.AreEqual(409, (int)refused.StatusCode, body);
        var problem = JsonNode.Parse(body)!;
        Assert.AreEqual("incoming-check", (string?)problem["formKey"]);
        StringAssert.Contains((string?)problem["detail"], "\"Vào sổ\"", "the problem names the document action to use");
        StringAssert.Contains((string?)problem["detail"], "/api/incoming/{id}/register");
        Assert.AreEqual(200, (int)(await clerk.GetAsync($"/api/tasks/{task["id"]}")).StatusCode, "the task is still open");
        var detail = await clerk.DetailAsync(id);
        Assert.AreEqual("Arrived", (string?)detail["summary"]!["status"]);
        Assert.IsNull(detail["summary"]!["incomingNumber"], "no document left accepted without a number");

        Assert.AreEqual(1, await clerk.RegisterAsync(id), "the document action still works on the same task");
    }
}
