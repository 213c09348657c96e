using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Timers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

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

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue16_a_pull_that_lost_the_race_is_a_409_logged_as_information_and_any_other_database_failure_is_a_server_error(
        DatabaseProvider provider)
    {
        var saves = new FailingSaves();
        var logs = new CapturedLogs();
        await using var scenario = await ExchangeScenario.StartAsync(provider, VietnamTime.At(2026, 11, 27, 10, 0), host => saves.AddTo(host, logs));
        await scenario.Province.SendAsync(ExchangeTests.FromProvince("80"), CancellationToken.None);

        saves.Failure = () => new DbUpdateConcurrencyException("Another pull stored the same failure record first.");
        var lost = await scenario.Clerk.PostAsync("/api/exchange/pull", null);
        saves.Failure = () => new DbUpdateException("The disk is full.");
        var broken = await scenario.Clerk.PostAsync("/api/exchange/pull", null);
        saves.Failure = null;

        Assert.AreEqual(HttpStatusCode.Conflict, lost.StatusCode, await lost.Content.ReadAsStringAsync());
        Assert.IsTrue(logs.Lines.Any(l => l.Level == LogLevel.Information && l.Message.Contains("lost the race", StringComparison.Ordinal)
            && l.Message.Contains("Another pull stored", StringComparison.Ordinal)), "the lost race is an information line");
        Assert.AreEqual(HttpStatusCode.InternalServerError, broken.StatusCode, "a database failure that is no race is not passed off as one");
        Assert.AreEqual(HttpStatusCode.OK, (await scenario.Clerk.PostAsync("/api/exchange/pull", null)).StatusCode, "the package waited for the next pull");
        Assert.AreEqual(1, (await scenario.Clerk.GetFromJsonAsync<JsonArray>("/api/exchange/received"))!.Count);
    }
}
