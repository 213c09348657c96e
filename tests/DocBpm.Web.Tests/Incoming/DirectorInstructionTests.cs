using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>Article 8.2b: the clerk presents the document to the Director alone, who assigns or forwards it to a deputy.</summary>
[TestClass]
public sealed class DirectorInstructionTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article8_2b_a_deputy_does_not_see_the_Directors_step_until_the_Director_forwards_it_and_then_he_assigns(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc tổ chức hội nghị");
        await clerk.RegisterAsync(id);

        var deputy = await host.LoginAsync("phogiamdoc1");
        Assert.IsFalse((await deputy.InboxAsync()).Any(t => (Guid?)t!["documentId"] == id), "the registration goes to the Director only");
        Assert.IsFalse((bool)(await deputy.DetailAsync(id))["actions"]!["assign"]!);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await deputy.AssignAsync(id, "unit:GDTrH")).StatusCode, "a deputy does not take the Director's step");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await deputy.PostAsJsonAsync($"/api/incoming/{id}/forward", new { deputy = "phogiamdoc1" })).StatusCode);

        var director = await host.LoginAsync("giamdoc");
        var actions = (await director.DetailAsync(id))["actions"]!;
        Assert.IsTrue((bool)actions["assign"]! && (bool)actions["forward"]!, "the Director assigns directly or forwards");
        var notADeputy = await director.PostAsJsonAsync($"/api/incoming/{id}/forward", new { deputy = "chuyenvien" });
        Assert.AreEqual(HttpStatusCode.BadRequest, notADeputy.StatusCode);
        Assert.IsNotNull((await notADeputy.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["deputy"]);
        Assert.AreEqual(2, (await director.DetailAsync(id))["history"]!.AsArray().Count, "a refused forwarding changes nothing");

        (await director.PostAsJsonAsync($"/api/incoming/{id}/forward", new { deputy = "phogiamdoc1", note = "Đồng chí Phó Giám đốc chỉ đạo." }))
            .EnsureSuccessStatusCode();
        Assert.AreEqual(HttpStatusCode.Conflict,
            (await director.PostAsJsonAsync($"/api/incoming/{id}/forward", new { deputy = "phogiamdoc2" })).StatusCode, "forwarded once");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await director.AssignAsync(id, "unit:GDTrH")).StatusCode, "the step is the deputy's now");
        var otherDeputy = await host.LoginAsync("phogiamdoc2");
        Assert.IsFalse((await otherDeputy.InboxAsync()).Any(t => (Guid?)t!["documentId"] == id));
        Assert.AreEqual(HttpStatusCode.Forbidden, (await otherDeputy.AssignAsync(id, "unit:GDTrH")).StatusCode);

        Assert.AreEqual("DeputyInstruction", (string?)(await deputy.InboxAsync()).Single(t => (Guid?)t!["documentId"] == id)!["elementId"]);
        Assert.IsTrue((bool)(await deputy.DetailAsync(id))["actions"]!["assign"]!);
        (await deputy.AssignAsync(id, "unit:GDTrH")).EnsureSuccessStatusCode();

        var head = await host.LoginAsync("truongphong.gdtrh");
        Assert.AreEqual("Process", (string?)(await head.InboxAsync()).Single(t => (Guid?)t!["documentId"] == id)!["elementId"]);
        var done = await clerk.DetailAsync(id);
        Assert.AreEqual("Assigned", (string?)done["summary"]!["status"]);
        CollectionAssert.AreEqual(new[] { "uploaded:vanthu", "registered:vanthu", "forwarded:giamdoc", "assigned:phogiamdoc1" },
            done["history"]!.AsArray().Select(h => $"{h!["action"]}:{h["userName"]}").ToList());
        StringAssert.Contains((string?)done["history"]![2]!["detail"], "Nông Thị Phó");
    }
}
