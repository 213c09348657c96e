using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Web.Accounts;

namespace DocBpm.Web.Tests;

/// <summary>
/// The host is killed (SIGKILL, no disposal) while an instance waits on a timer; the timer falls due while the host
/// is down; after a restart on the same database the step runs exactly once.
/// </summary>
[TestClass]
public sealed class RestartTests
{
    private static readonly string TimerProcess = TimedProcess.Xml("restart", "PT3S");

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Killed_host_resumes_after_restart_with_no_lost_and_no_repeated_step()
    {
        var folder = Directory.CreateTempSubdirectory("docbpm-restart-");
        try
        {
            var database = $"Data Source={Path.Combine(folder.FullName, "docbpm.db")}";
            var port = AxisServer.FreePort();
            Guid instanceId;
            using (var first = HostProcess.Start(database, port, TestContext))
            {
                using var admin = await first.LoginAsync("quantri");
                using var analyst = await first.LoginAsync("phantich");
                (await analyst.PostAsync("/api/definitions", new StringContent(TimerProcess, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
                var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "restart", variables = new { fired = 0 } });
                started.EnsureSuccessStatusCode();
                instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
                first.Kill();
            }

            await Task.Delay(TimeSpan.FromSeconds(4), TestContext.CancellationToken);

            using var second = HostProcess.Start(database, port, TestContext);
            using var client = await second.LoginAsync("quantri");
            JsonObject? detail = null;
            for (var i = 0; i < 60; i++)
            {
                detail = await client.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}", TestContext.CancellationToken);
                if (detail!["activeElements"]!.AsArray().Any(e => (string?)e == "check"))
                    break;
                await Task.Delay(500, TestContext.CancellationToken);
            }

            Assert.AreEqual(1, (int)detail!["variables"]!["fired"]!, "the timer's step ran exactly once");
            var journal = detail["journal"]!.AsArray();
            Assert.AreEqual(1, journal.Count(j => (string?)j!["elementId"] == "wait" && (string?)j["event"] == "completed"));
            Assert.AreEqual(1, journal.Count(j => (string?)j!["elementId"] == "s" && (string?)j["event"] == "started"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>DocBpm.Web as a separate operating-system process, started the way an operator starts it.</summary>
    private sealed class HostProcess : IDisposable
    {
        private readonly Process process;
        private readonly Uri address;

        private HostProcess(Process process, Uri address)
        {
            this.process = process;
            this.address = address;
        }

        public static HostProcess Start(string connectionString, int port, TestContext context)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "DocBpm.Web.dll");
            var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["ConnectionStrings__DocBpm"] = connectionString;
            info.Environment["Database__Provider"] = "Sqlite";
            info.Environment["Scheduling__SweepSeconds"] = "1";
            // The demo axis would take the fixed port 5170, which a demo or another run on this machine may hold.
            info.Environment["Exchange__DemoAxis__Enabled"] = "false";
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) context.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) context.WriteLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        }

        public async Task<HttpClient> LoginAsync(string userName)
        {
            var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/account/login", new LoginRequest(userName, DevelopmentSeed.DemoPassword));
                    response.EnsureSuccessStatusCode();
                    var token = await response.Content.ReadFromJsonAsync<JsonObject>();
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string?)token!["accessToken"]);
                    return client;
                }
                // Up to three minutes: a fresh process (JIT, migrations, full-cost demo password hashes) took over 30 s
                // to answer on a loaded two-core machine while other test classes ran beside it.
                catch (HttpRequestException) when (attempt < 720 && !process.HasExited)
                {
                    await Task.Delay(250);
                }
            }
        }

        public void Kill() => process.Kill(entireProcessTree: true);

        public void Dispose()
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            process.Dispose();
        }
    }
}
