using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Timers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>Issue #16: ten parallel <c>POST /api/exchange/pull</c> answered five 500s.</summary>
[TestClass]
public sealed class ConcurrentPullTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue16_ten_parallel_pulls_never_answer_a_server_error_and_take_each_package_in_once(DatabaseProvider provider)
    {
        await using var scenario = await ExchangeScenario.StartAsync(provider, VietnamTime.At(2026, 11, 27, 10, 0));
        for (var i = 0; i < 5; i++)
            await scenario.Province.SendAsync(ExchangeTests.FromProvince($"{70 + i}"), CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => scenario.Clerk.PostAsync("/api/exchange/pull", null)));

        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.IsTrue(statuses.All(s => s is 200 or 409), "200 or 409 only: " + string.Join(", ", statuses));
        Assert.AreEqual(5, (await scenario.Clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!.Count, "each package taken in once");
    }
}
