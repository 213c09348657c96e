using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

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
        var instanceId = await StartAsync(cancellationToken);
        var afterStart = Stopwatch.GetTimestamp();
        var taskId = await FindTaskAsync(instanceId, cancellationToken);
        var afterLookup = Stopwatch.GetTimestamp();
        await CompleteAsync(taskId, cancellationToken);
        into.Add(host, Stopwatch.GetElapsedTime(begun, afterStart), Stopwatch.GetElapsedTime(afterStart, afterLookup),
            Stopwatch.GetElapsedTime(afterLookup));
    }

    /// <summary>The clerk's <c>POST /api/instances</c>: the new instance's id.</summary>
    public async Task<Guid> StartAsync(CancellationToken cancellationToken)
    {
        using var started = await clerk.PostAsJsonAsync("/api/instances", new HttpLoadStart(HttpLoad.DefinitionKey), HttpLoadJson.Default.HttpLoadStart, cancellationToken);
        await HttpLoad.ExpectAsync(started, HttpStatusCode.Created, cancellationToken);
        return (await started.Content.ReadFromJsonAsync(HttpLoadJson.Default.HttpLoadStarted, cancellationToken))!.Id;
    }

    /// <summary>The Director's <c>GET /api/tasks/mine</c>: the id of the instance's task.</summary>
    public async Task<Guid> FindTaskAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        var mine = await director.GetFromJsonAsync("/api/tasks/mine", HttpLoadJson.Default.HttpLoadTaskArray, cancellationToken);
        return mine!.Single(t => t.InstanceId == instanceId).Id;
    }

    /// <summary>The Director's <c>POST /api/tasks/{id}/complete</c>.</summary>
    public async Task CompleteAsync(Guid taskId, CancellationToken cancellationToken)
    {
        using var completed = await director.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new HttpLoadCompletion(), HttpLoadJson.Default.HttpLoadCompletion, cancellationToken);
        await HttpLoad.ExpectAsync(completed, HttpStatusCode.OK, cancellationToken);
    }

    public void Dispose()
    {
        clerk.Dispose();
        director.Dispose();
    }
}

/// <summary>
/// What the clients send and read, by generated code: the clients share the cores with the host and PostgreSQL, and a
/// look-up's answer lists all of the Director's open tasks (about one per client), which a JSON tree took 22 KB to hold at
/// 8 rows and 88 KB at 32, against 2.0 and 6.6 KB read this way. The requests are the same bytes as before.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HttpLoadStart))]
[JsonSerializable(typeof(HttpLoadCompletion))]
[JsonSerializable(typeof(HttpLoadStarted))]
[JsonSerializable(typeof(HttpLoadTask[]))]
public sealed partial class HttpLoadJson : JsonSerializerContext;

/// <summary>The clerk's start: the benchmark's process, no variables.</summary>
public sealed record HttpLoadStart(string DefinitionKey);

/// <summary>The Director's completion, without variables: the body is <c>{}</c>.</summary>
public sealed record HttpLoadCompletion;

/// <summary>The start's answer: only its id is read.</summary>
public sealed record HttpLoadStarted(Guid Id);

/// <summary>A row of <c>/api/tasks/mine</c>: only the task's and its instance's ids are read.</summary>
public sealed record HttpLoadTask(Guid Id, Guid InstanceId);

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

/// <summary>
/// What each request kind costs the host and the database on its own, which the mixed run cannot tell apart. Host CPU:
/// rounds in which every client starts an instance, then every client looks its task up, then every client completes it,
/// the host's CPU read between the steps (so as many tasks are open as in the mixed run). Commits: settled readings of
/// <c>pg_stat_database</c> around a phase of only starts, then only look-ups, then only completions, less the commits
/// the host makes on its own meanwhile (its sweeps, measured over a quiet window as long as the settling).
/// </summary>
public static class HttpRequestKinds
{
    public const int CommitRounds = 25;

    /// <summary>One kind's host CPU over <paramref name="Timed"/> requests and commits over <paramref name="Counted"/> others.</summary>
    public sealed record Cost(string Kind, int Timed, double HostCpuMs, int Counted, double Commits)
    {
        public double CpuPerRequest => HostCpuMs / Timed;

        public double CommitsPerRequest => Commits / Counted;
    }

    public static async Task<IReadOnlyList<Cost>> MeasureAsync(BenchHost host, IReadOnlyList<HttpLoadClient> clients, PostgresProbe probe,
        TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpu = new double[3];
        var rounds = 0;
        var begun = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(begun) < duration)
        {
            var before = host.Cpu();
            var instances = await Task.WhenAll(clients.Select(c => c.StartAsync(cancellationToken)));
            var started = host.Cpu();
            var tasks = await Task.WhenAll(clients.Select((c, i) => c.FindTaskAsync(instances[i], cancellationToken)));
            var found = host.Cpu();
            await Task.WhenAll(clients.Select((c, i) => c.CompleteAsync(tasks[i], cancellationToken)));
            var completed = host.Cpu();
            cpu[0] += (started - before).TotalMilliseconds;
            cpu[1] += (found - started).TotalMilliseconds;
            cpu[2] += (completed - found).TotalMilliseconds;
            rounds++;
        }

        // The rounds' own commits are reported for up to the settling time after them: they are no background.
        await Task.Delay(PostgresProbe.StatisticsSettle, cancellationToken);
        var background = await SettledCommitsAsync(probe, () => Task.CompletedTask, cancellationToken);
        var perSecond = background.Commits / background.Elapsed.TotalSeconds;
        var ids = new List<(HttpLoadClient Client, Guid Instance)>();
        var starts = await SettledCommitsAsync(probe, async () =>
        {
            for (var round = 0; round < CommitRounds; round++)
                ids.AddRange(await Task.WhenAll(clients.Select(async c => (c, await c.StartAsync(cancellationToken)))));
        }, cancellationToken);
        var taskIds = new List<(HttpLoadClient Client, Guid Task)>();
        var lookups = await SettledCommitsAsync(probe, async () =>
        {
            foreach (var chunk in ids.Chunk(clients.Count))
                taskIds.AddRange(await Task.WhenAll(chunk.Select(async p => (p.Client, await p.Client.FindTaskAsync(p.Instance, cancellationToken)))));
        }, cancellationToken);
        var completions = await SettledCommitsAsync(probe, async () =>
        {
            foreach (var chunk in taskIds.Chunk(clients.Count))
                await Task.WhenAll(chunk.Select(p => p.Client.CompleteAsync(p.Task, cancellationToken)));
        }, cancellationToken);

        var timed = rounds * clients.Count;
        double Own((long Commits, TimeSpan Elapsed) phase) => phase.Commits - perSecond * phase.Elapsed.TotalSeconds;
        return
        [
            new Cost("start", timed, cpu[0], ids.Count, Own(starts)),
            new Cost("task lookup", timed, cpu[1], taskIds.Count, Own(lookups)),
            new Cost("completion", timed, cpu[2], taskIds.Count, Own(completions)),
        ];
    }

    /// <summary>Commits of the database while <paramref name="phase"/> runs and until every backend has reported them.</summary>
    private static async Task<(long Commits, TimeSpan Elapsed)> SettledCommitsAsync(PostgresProbe probe, Func<Task> phase,
        CancellationToken cancellationToken)
    {
        var before = await probe.CommitsAsync(cancellationToken);
        var begun = Stopwatch.GetTimestamp();
        await phase();
        await Task.Delay(PostgresProbe.StatisticsSettle, cancellationToken);
        return (await probe.CommitsAsync(cancellationToken) - before, Stopwatch.GetElapsedTime(begun));
    }
}
