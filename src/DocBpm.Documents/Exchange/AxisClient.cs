using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocBpm.Edxml;

namespace DocBpm.Documents.Exchange;

/// <summary>
/// Where the exchange axis is and how this agency signs in to it (configuration section <c>Exchange</c>); without an
/// <see cref="AxisUrl"/> the agency works offline (manual intake only).
/// </summary>
public sealed class AxisConnection
{
    public const string Section = "Exchange";

    public Uri? AxisUrl { get; set; }
    public string AgencyCode { get; set; } = "";
    public string AgencyName { get; set; } = "";
    public string AgencyKey { get; set; } = "";

    /// <summary>
    /// Per sending agency, the identifier shapes accepted from it beyond the national formats (issue 21: UUID document
    /// identifiers, sandbox or enterprise-axis agency codes). A sender not listed is held to the national formats.
    /// </summary>
    public Dictionary<string, PeerIdentifierOptions> Peers { get; set; } = [];

    public IdentifierPatterns IdentifiersOf(string sender) =>
        Peers.TryGetValue(sender, out var peer) ? peer.ToPatterns() : IdentifierPatterns.National;
}

/// <summary>The axis refused a package or status; <see cref="Problems"/> lists why, as the axis said it.</summary>
public sealed class AxisRefusedException(HttpStatusCode status, string title, IReadOnlyList<string> problems)
    : Exception($"The axis refused the request ({(int)status}): {title}: {string.Join("; ", problems)}")
{
    public HttpStatusCode Status { get; } = status;
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>A typed client of DocBpm.Axis for one agency.</summary>
public sealed class AxisClient
{
    private readonly HttpClient http;

    public AxisClient(HttpClient http) => this.http = http;

    public bool IsConfigured => http.BaseAddress is not null;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Points the client at the axis; an agency without an axis gets a client that refuses every call.</summary>
    public static void Configure(HttpClient http, AxisConnection connection)
    {
        if (connection.AxisUrl is null)
            return;
        http.BaseAddress = connection.AxisUrl;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{connection.AgencyCode}:{connection.AgencyKey}")));
    }

    public Task<SendReceipt> SendAsync(byte[] package, CancellationToken cancellationToken) =>
        PostAsync("/api/packages", package, cancellationToken);

    public Task<SendReceipt> SendStatusAsync(byte[] status, CancellationToken cancellationToken) =>
        PostAsync("/api/statuses", status, cancellationToken);

    public async Task<IReadOnlyList<PendingPackage>> PendingAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<PendingPackage>>("/api/packages/pending", Json, cancellationToken) ?? [];

    public async Task<byte[]> FetchAsync(Guid packageId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"/api/packages/{packageId}", UriKind.Relative), cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task AcknowledgeAsync(Guid packageId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri($"/api/packages/{packageId}/ack", UriKind.Relative), null, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public async Task<IReadOnlyList<StatusSummary>> StatusesAsync(string? documentId, CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<StatusSummary>>(
            documentId is null ? "/api/statuses" : $"/api/statuses?documentId={Uri.EscapeDataString(documentId)}", Json, cancellationToken) ?? [];

    private async Task<SendReceipt> PostAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<SendReceipt>(Json, cancellationToken))!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var title = response.ReasonPhrase ?? response.StatusCode.ToString();
        var problems = new List<string>();
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            title = problem.TryGetProperty("title", out var t) ? t.GetString() ?? title : title;
            if (problem.TryGetProperty("problems", out var list) && list.ValueKind == JsonValueKind.Array)
                problems.AddRange(list.EnumerateArray().Select(p => p.GetString() ?? ""));
        }

        throw new AxisRefusedException(response.StatusCode, title, problems);
    }
}
