using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Hardening;

/// <summary><c>Idempotency-Key</c> on <c>POST /api/instances</c> (issue #16): a retry after a lost answer starts nothing new.</summary>
[TestClass]
public sealed class IdempotentStartTests
{
    private const string Approval = "sample-approval";

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue16_a_start_retried_with_the_same_key_answers_the_first_instance_and_starts_no_other(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var admin = await host.LoginAsync("quantri");

        // Parallel retries race for the key; every one answers the same instance.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => StartAsync(clerk, "retry-1")));
        var ids = new HashSet<Guid>();
        foreach (var answer in answers)
        {
            Assert.AreEqual(HttpStatusCode.Created, answer.StatusCode, await answer.Content.ReadAsStringAsync());
            ids.Add((await answer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }

        Assert.AreEqual(1, ids.Count, "every retry answers the first instance");
        Assert.AreEqual(1, await CountAsync(admin), "one instance started");

        Assert.AreEqual(HttpStatusCode.Created, (await StartAsync(admin, "retry-1")).StatusCode);
        Assert.AreEqual(2, await CountAsync(admin), "another person's key of the same text is another start");
        Assert.AreEqual(HttpStatusCode.Created, (await StartAsync(clerk, null)).StatusCode);
        Assert.AreEqual(3, await CountAsync(admin), "without a key every request starts an instance");
    }

    [TestMethod]
    public async Task Issue16_an_idempotency_key_with_a_control_character_or_over_its_length_is_a_400_naming_the_header()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        foreach (var key in new[] { "a\tb", new string('k', 101) })
        {
            var answer = await StartAsync(clerk, key);
            Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode);
            StringAssert.Contains(await answer.Content.ReadAsStringAsync(), "Idempotency-Key");
        }

        Assert.AreEqual(0, await CountAsync(await host.LoginAsync("quantri")), "nothing started");
    }

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances")
        {
            Content = JsonContent.Create(new { definitionKey = Approval, businessKey = "idem/SGDĐT", variables = new { drafter = "chuyenvien" } }),
        };
        if (key is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> CountAsync(HttpClient admin) =>
        (int)(await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={Approval}"))!["total"]!;
}
