using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>
/// Sends malformed input to every operation of the OpenAPI document as each kind of person: bodies of the wrong shape
/// and type, strings with NUL and over any column's length, query and route values out of range, the wrong content type.
/// No answer may be a 5xx, and none may hang (issue #16); how fast is the benchmarks' business, not a test's. Bounded: a fixed set of variants, once each.
/// </summary>
[TestClass]
public sealed class InputFuzzTests
{
    private static readonly string Nul = "a\u0000b";
    private static readonly string Long = new('x', 20_000);
    private static readonly string[] People = ["quantri", "vanthu", "giamdoc", "truongphong.gdtrh", "chuyenvien"];

    /// <summary>Operations that end the caller's own session: they are tried last for each person.</summary>
    private static readonly string[] SessionEnders = ["/api/account/logout"];

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task No_malformed_input_to_any_endpoint_answers_a_server_error_or_hangs(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var anonymous = factory.CreateClient();
        var operations = ApiOperation.Read((await anonymous.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!)
            .OrderBy(o => SessionEnders.Contains(o.Path)).ToList();
        Assert.IsTrue(operations.Count > 50, $"the OpenAPI document lists the API ({operations.Count} operations)");

        var failures = new List<string>();
        var clients = new List<(string Who, HttpClient Client)> { ("anonymous", anonymous) };
        foreach (var person in People)
            clients.Add((person, await factory.LoginAsync(person)));
        foreach (var (who, client) in clients)
        {
            foreach (var operation in operations)
            {
                foreach (var (variant, request) in Variants(operation))
                    await SendAsync(client, request(), $"{who}: {operation} [{variant}]", failures);
            }
        }

        Assert.AreEqual(0, failures.Count, "server errors or hangs:\n" + string.Join("\n", failures.Take(60)));
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, string label, List<string> failures)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            using var response = await client.SendAsync(request, limit.Token);
            if ((int)response.StatusCode >= 500)
                failures.Add($"{label} → {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
        }
        catch (TaskCanceledException)
        {
            failures.Add($"{label} → no answer in 20 s");
        }
    }

    private static IEnumerable<(string Variant, Func<HttpRequestMessage> Request)> Variants(ApiOperation operation)
    {
        foreach (var (name, value) in new[] { ("garbage", "zz"), ("nul", Nul), ("long", Long), ("negative", "-1"), ("huge", "99999999999") })
            yield return ($"route/query {name}", () => Request(operation, value, Json("{}")));
        if (operation.BodyContentType is null)
            yield break;
        if (operation.BodyContentType.StartsWith("multipart", StringComparison.Ordinal))
        {
            yield return ("empty multipart", () => Request(operation, null, new MultipartFormDataContent()));
            yield return ("text instead of multipart", () => Request(operation, null, new StringContent("x", Encoding.UTF8, "text/plain")));
            yield break;
        }

        yield return ("empty object", () => Request(operation, null, Json("{}")));
        yield return ("array", () => Request(operation, null, Json("[1,2]")));
        yield return ("string", () => Request(operation, null, Json("\"x\"")));
        yield return ("broken json", () => Request(operation, null, Json("{\"a\":")));
        yield return ("wrong content type", () => Request(operation, null, new StringContent("<x/>", Encoding.UTF8, "text/plain")));
        yield return ("deep nesting", () => Request(operation, null, Json(new string('[', 5000) + new string(']', 5000))));
        foreach (var (name, value) in new JsonNode?[] { Nul, Long, 12345, true, new JsonArray("x"), new JsonObject { ["x"] = Nul } }
            .Select((v, i) => ($"property {i}", v)))
            yield return ($"every property {name}", () => Request(operation, null, Json(EveryProperty(operation, value))));
    }

    private static string EveryProperty(ApiOperation operation, JsonNode? value)
    {
        var body = new JsonObject();
        foreach (var property in operation.BodyProperties)
            body[property] = value?.DeepClone();
        return body.ToJsonString();
    }

    private static HttpRequestMessage Request(ApiOperation operation, string? parameterValue, HttpContent content)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var value = parameterValue ?? Plausible(parameter);
            // The test server refuses a NUL in the path itself (Kestrel answers 400); NUL goes in query values only.
            if (parameter.In == "path")
                path = path.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(value.Replace('\0', ' ')), StringComparison.Ordinal);
            else if (parameter.In == "query")
                query.Add($"{Uri.EscapeDataString(parameter.Name)}={Uri.EscapeDataString(value)}");
        }

        var uri = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), uri);
        if (operation.Method is not ("GET" or "DELETE" or "HEAD"))
            request.Content = content;
        return request;
    }

    private static string Plausible(ApiParameter parameter) => parameter.Format switch
    {
        "uuid" => Guid.NewGuid().ToString(),
        _ when parameter.Type == "integer" => "1",
        _ => "x",
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
