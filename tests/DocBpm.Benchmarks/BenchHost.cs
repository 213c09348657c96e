using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DocBpm.Web.Accounts;

namespace DocBpm.Benchmarks;

/// <summary>
/// DocBpm.Web as its own operating-system process on a loopback port, started as an operator starts it (the built
/// DocBpm.Web.dll beside the benchmark's binaries), on PostgreSQL. Its output is read and dropped, except the last
/// lines, which a failure to start reports.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Hosts not disposed yet: a benchmark stopped by a signal (Ctrl+C, the shell's timeout) runs no finally block, and
    /// a host left running would hold its port and load the cores of every later run.
    /// </summary>
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    static BenchHost() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
            Stop(process);
    };

    private BenchHost(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    /// <summary>
    /// Starts a host and waits until it answers <c>/health</c>. <paramref name="environment"/> Development seeds the
    /// demo accounts; the measured hosts run as Production. <paramref name="variables"/> are set in the host's environment
    /// after the benchmark's own (runtime settings under test, e.g. <c>DOTNET_gcServer=0</c>).
    /// </summary>
    public static async Task<BenchHost> StartAsync(string connectionString, string environment, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var folder = AppContext.BaseDirectory;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(folder, "DocBpm.Web.dll"), "--urls", address.ToString()])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["Database__Provider"] = "PostgreSql";
        info.Environment["ConnectionStrings__DocBpm"] = connectionString;
        // Every client signs in from loopback: the per-address sign-in limit would refuse the benchmark's own clients.
        info.Environment["Accounts__SignIn__RequestsPerAddressPerMinute"] = "100000";
        // The demo PKI and the demo axis would write into the binaries' folder and take a fixed port.
        info.Environment["Signatures__DemoPki__Enabled"] = "false";
        info.Environment["Exchange__DemoAxis__Enabled"] = "false";
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        var host = new BenchHost(Process.Start(info)!, address);
        Running[host.ProcessId] = host.process;
        host.process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        try
        {
            await host.WaitHealthyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>CPU the host process has used so far (read fresh from the operating system).</summary>
    public TimeSpan Cpu() => PostgresProbe.Cpu(process.Id);

    /// <summary>A client signed in with a bearer token as one of the demo accounts.</summary>
    public async Task<HttpClient> SignInAsync(string userName, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        var response = await client.PostAsJsonAsync("/api/account/login", new LoginRequest(userName, DevelopmentSeed.DemoPassword), cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string?)token!["accessToken"]);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Stop(process);
        await process.WaitForExitAsync(CancellationToken.None);
        Running.TryRemove(ProcessId, out _);
        process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StartBudget && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health", cancellationToken)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet (migrations and the shipped processes' deployment come first), or too slow to answer
                // on a loaded machine: the budget decides.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        lock (lastLines)
            throw new InvalidOperationException($"The host at {Address} did not answer /health within {StartBudget}:\n{string.Join('\n', lastLines)}");
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 40)
                lastLines.Dequeue();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
