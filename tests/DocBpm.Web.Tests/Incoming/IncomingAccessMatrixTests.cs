using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Access;
using DocBpm.Engine.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>
/// Every incoming-document and inbox endpoint against every role, on a document assigned to the GDTrH unit. The
/// endpoints come from the host's endpoint data source, so a new one without a row here fails the test.
/// </summary>
[TestClass]
public sealed class IncomingAccessMatrixTests
{
    private const int Ok = 200;
    private const int Allowed = 0; // reaches the action: a refusal of the (empty) input or of the document's state, not of the person
    private const int Forbidden = 403;
    private const int Hidden = 404;
    private const int Unreadable = 422;

    private static readonly string[] People =
        ["vanthu", "giamdoc", "phogiamdoc1", "chanhvanphong", "truongphong.gdtrh", "truongphong.tccb", "chuyenvien", "quantri", "phantich"];

    // Columns in the order of People. Leaders, clerks and the office chief see every document; the GDTrH head sees the
    // unit's; another unit's head, staff not named, IT admin and analyst do not even learn that it exists.
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["GET /api/incoming/"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["POST /api/incoming/"] = [Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["GET /api/incoming/{id:guid}"] = [Ok, Ok, Ok, Ok, Ok, Hidden, Hidden, Hidden, Hidden],
        ["GET /api/incoming/{id:guid}/files/{fileId:guid}"] = [Ok, Ok, Ok, Ok, Ok, Hidden, Hidden, Hidden, Hidden],
        // The test scan is no PDF a signature can be cut from: those who see the document reach that refusal (422).
        ["GET /api/incoming/{id:guid}/files/{fileId:guid}/signatures/{number:int}/signed-revision"] = [Unreadable, Unreadable, Unreadable, Unreadable, Unreadable, Hidden, Hidden, Hidden, Hidden],
        ["POST /api/incoming/{id:guid}/register"] = [Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["POST /api/incoming/{id:guid}/return"] = [Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["POST /api/incoming/{id:guid}/paper-delivered"] = [Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["POST /api/incoming/{id:guid}/recall"] = [Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["POST /api/incoming/{id:guid}/forward"] = [Forbidden, Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["POST /api/incoming/{id:guid}/assign"] = [Forbidden, Allowed, Allowed, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["POST /api/incoming/{id:guid}/reassign"] = [Forbidden, Forbidden, Forbidden, Forbidden, Allowed, Hidden, Forbidden, Forbidden, Forbidden],
        ["POST /api/incoming/{id:guid}/complete"] = [Forbidden, Forbidden, Forbidden, Forbidden, Allowed, Hidden, Hidden, Hidden, Hidden],
        ["GET /api/incoming/{id:guid}/coordination"] = [Ok, Ok, Ok, Ok, Ok, Hidden, Hidden, Hidden, Hidden],
        // Nobody here holds a coordination item on the document: those who see it are refused the opinion (409).
        ["POST /api/incoming/{id:guid}/opinions"] = [Allowed, Allowed, Allowed, Allowed, Allowed, Hidden, Hidden, Hidden, Hidden],
        // No opinion has that id: a file is found only through an opinion on a document the person sees.
        ["GET /api/incoming/{id:guid}/opinions/{opinionId:guid}/file"] = [Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden, Hidden],
        ["GET /api/inbox/"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["GET /api/inbox/shared"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["PAGE /"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["PAGE /incoming"] = [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok],
        ["PAGE /incoming/new"] = [Ok, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
        ["PAGE /incoming/{Id:guid}"] = [Ok, Ok, Ok, Ok, Ok, Hidden, Hidden, Hidden, Hidden],
    };

    [TestMethod]
    public async Task Every_incoming_endpoint_answers_every_role_as_the_access_rules_say()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc kiểm tra quyền");
        await clerk.RegisterAsync(id);
        (await (await host.LoginAsync("giamdoc")).AssignAsync(id, "unit:GDTrH")).EnsureSuccessStatusCode();
        var fileId = (string)(await clerk.DetailAsync(id))["files"]![0]!["id"]!;

        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var api = routes.Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/incoming", StringComparison.Ordinal) || raw.StartsWith("/api/inbox", StringComparison.Ordinal)))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"));
        // A page is one endpoint for its view and its forms; the forms' actions are the API's rows above.
        var pages = routes.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null
                && e.RoutePattern.RawText is "/" or "/incoming" || e.RoutePattern.RawText!.StartsWith("/incoming/", StringComparison.Ordinal))
            .Select(e => $"PAGE {e.RoutePattern.RawText}");
        CollectionAssert.AreEquivalent(Expected.Keys.ToList(), api.Concat(pages).Distinct().ToList(), "every endpoint has a row in the matrix");

        var anonymous = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        foreach (var (endpoint, expected) in Expected)
        {
            var (method, pattern) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
            var url = pattern.Replace("{id:guid}", id.ToString(), StringComparison.OrdinalIgnoreCase).Replace("{fileId:guid}", fileId, StringComparison.Ordinal)
                .Replace("{opinionId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal).Replace("{number:int}", "1", StringComparison.Ordinal);
            var refusal = await SendAsync(anonymous, method, url);
            var toLogin = method == "PAGE" && refusal.StatusCode == HttpStatusCode.Redirect && refusal.Headers.Location!.OriginalString.Contains("/login?returnUrl=", StringComparison.Ordinal);
            if (!toLogin && refusal.StatusCode != HttpStatusCode.Unauthorized)
                failures.Add($"{endpoint} anonymous: {(int)refusal.StatusCode}, expected 401 or the login page");
            for (var i = 0; i < People.Length; i++)
            {
                var status = (int)(await SendAsync(await host.LoginAsync(People[i]), method, url)).StatusCode;
                var ok = expected[i] == Allowed ? status is 400 or 409 or 204 : status == expected[i];
                if (!ok)
                    failures.Add($"{endpoint} as {People[i]}: {status}, expected {(expected[i] == Allowed ? "400/409/204" : expected[i])}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) => method switch
    {
        "GET" or "PAGE" => client.GetAsync(url),
        _ when url.EndsWith("/api/incoming/", StringComparison.Ordinal) => client.PostAsync(url, new MultipartFormDataContent { { new StringContent(""), "subject" } }),
        _ when url.EndsWith("/opinions", StringComparison.Ordinal) => client.PostAsync(url, new MultipartFormDataContent { { new StringContent("Ý kiến"), "text" } }),
        _ => client.PostAsJsonAsync(url, new JsonObject()),
    };
}
