using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DocBpm.Benchmarks;

/// <summary>
/// One benchmark client: a clerk who starts an instance of <see cref="HttpLoad.DefinitionKey"/> and the Director, its
/// task's assignee, who finds the task in <c>/api/tasks/mine</c> and completes it, each with their own bearer token on
/// one host, as two people working through the API would.
/// </summary>
public sealed class HttpLoadClient(int host, HttpClient clerk, HttpClient director) : IDisposable
{
    public int Host => host;

    /// <summary>Runs one instance from start to end and adds each request's time to <paramref name="into"/>.</summary>
    public async Task RunOneAsync(HttpLoadSamples into, CancellationToken cancellationToken)
    {
        var begun = Stopwatch.GetTimestamp();
        using var started = await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = HttpLoad.DefinitionKey }, cancellationToken);
        await HttpLoad.ExpectAsync(started, HttpStatusCode.Created, cancellationToken);
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["id"]!.GetValue<Guid>();
        var afterStart = Stopwatch.GetTimestamp();

        var mine = await director.GetFromJsonAsync<JsonArray>("/api/tasks/mine", cancellationToken);
        var taskId = mine!.Single(t => t!["instanceId"]!.GetValue<Guid>() == instanceId)!["id"]!.GetValue<Guid>();
        var afterLookup = Stopwatch.GetTimestamp();

        using var completed = await director.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { }, cancellationToken);
        await HttpLoad.ExpectAsync(completed, HttpStatusCode.OK, cancellationToken);
        into.Add(host, Stopwatch.GetElapsedTime(begun, afterStart), Stopwatch.GetElapsedTime(afterStart, afterLookup),
            Stopwatch.GetElapsedTime(afterLookup));
    }

    public void Dispose()
    {
        clerk.Dispose();
        director.Dispose();
    }
}

/// <summary>The request times of one measurement, and how many instances each host finished.</summary>
public sealed class HttpLoadSamples(int hosts)
{
    private readonly List<double> start = [];
    private readonly List<double> lookup = [];
    private readonly List<double> complete = [];
    private readonly int[] perHost = new int[hosts];

    public int Instances => perHost.Sum();

    public IReadOnlyList<int> PerHost => perHost;

    public void Add(int host, TimeSpan started, TimeSpan found, TimeSpan completed)
    {
        lock (start)
        {
            start.Add(started.TotalMilliseconds);
            lookup.Add(found.TotalMilliseconds);
            complete.Add(completed.TotalMilliseconds);
            perHost[host]++;
        }
    }

    /// <summary>"p50 / p95" in milliseconds of the start, the task lookup and the completion.</summary>
    public (string Start, string Lookup, string Complete) Percentiles() => (Describe(start), Describe(lookup), Describe(complete));

    private static string Describe(List<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return FormattableString.Invariant($"{At(0.5):F1} / {At(0.95):F1}");
    }
}

/// <summary>Drives the clients: each runs instances one after another until the time or the count is used up.</summary>
public static class HttpLoad
{
    public const string DefinitionKey = "bench-http";

    /// <summary>Start → the Director's user task → end: what a start and one completion cost over HTTP.</summary>
    public static readonly string ProcessXml = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:bench">
          <bpmn:process id="{DefinitionKey}" name="Đo hiệu năng HTTP" isExecutable="true">
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="approve" name="Duyệt"><bpmn:extensionElements><docbpm:assignment assignee="giamdoc"/></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
            <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task<HttpLoadSamples> DriveAsync(IReadOnlyList<HttpLoadClient> clients, int hosts, TimeSpan duration, int maxInstances,
        CancellationToken cancellationToken)
    {
        var samples = new HttpLoadSamples(hosts);
        var budget = maxInstances;
        var begun = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            while (Stopwatch.GetElapsedTime(begun) < duration && Interlocked.Decrement(ref budget) >= 0)
                await client.RunOneAsync(samples, cancellationToken);
        }, cancellationToken)));
        return samples;
    }

    /// <summary>A benchmark that goes on after a refused request measures something else: it stops with the answer.</summary>
    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} "
                + await response.Content.ReadAsStringAsync(cancellationToken));
    }
}
