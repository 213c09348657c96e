using System.Net;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.Incoming;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>Requests racing on one record: a lost race is a 409 or a no-op, never a server error or a second record.</summary>
[TestClass]
public sealed class RaceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article8_2b_the_paper_original_handed_over_by_many_clicks_at_once_is_recorded_once(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc chuyển bản giấy");
        await clerk.RegisterAsync(id);
        (await (await host.LoginAsync("giamdoc")).AssignAsync(id, "unit:GDTrH")).EnsureSuccessStatusCode();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => clerk.PostAsync($"/api/incoming/{id}/paper-delivered", null)));
        var again = await clerk.PostAsync($"/api/incoming/{id}/paper-delivered", null);
        var detail = await clerk.DetailAsync(id);

        CollectionAssert.IsSubsetOf(answers.Select(a => a.StatusCode).Distinct().ToList(), new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict },
            string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        Assert.AreEqual(HttpStatusCode.NoContent, again.StatusCode, "saying it again is no error");
        Assert.IsTrue((bool)detail["paperCopyDelivered"]!);
        Assert.AreEqual(1, detail["history"]!.AsArray().Count(h => (string?)h!["action"] == "paper-delivered"), "one history line");
    }
}
