using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocBpm.Engine.Expressions;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Accounts;
using DocBpm.Web.Data;
using DocBpm.Web.Scheduling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Web.Tests;

/// <summary>
/// The real host on a fresh database (SQLite file or PostgreSQL), in Development so that the demo accounts exist.
/// By default with fake time and the scheduler off: tests fire due work through <see cref="DueWorkRunner"/> themselves.
/// </summary>
public sealed class DocBpmWebFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;

    private readonly bool realScheduler;
    private readonly bool ownsDatabase;

    private DocBpmWebFactory(TestDatabase database, bool realScheduler, bool ownsDatabase)
    {
        this.database = database;
        this.realScheduler = realScheduler;
        this.ownsDatabase = ownsDatabase;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    public static async Task<DocBpmWebFactory> CreateAsync(DatabaseProvider provider) =>
        new(await MigratedTemplate.CopyAsync(provider), realScheduler: false, ownsDatabase: true);

    /// <summary>
    /// A host with the real Quartz scheduler and the system clock (Quartz fires on real time), sweeping every second.
    /// Pass the database of another host to run two hosts as a cluster.
    /// </summary>
    public static async Task<DocBpmWebFactory> CreateWithSchedulerAsync(DatabaseProvider provider, TestDatabase? shared = null) =>
        new(shared ?? await MigratedTemplate.CopyAsync(provider), realScheduler: true, ownsDatabase: shared is null);

    public TestDatabase Database => database;

    /// <summary>
    /// Identity's production password-hash cost (100,000 PBKDF2 rounds) instead of one round. Every host seeds fourteen
    /// demo accounts and every test signs in several times, which at full cost took seconds per test; only the test that
    /// pins the production cost turns it back on.
    /// </summary>
    public bool ProductionPasswordHashing { get; set; }

    /// <summary>Extra configuration for the host, e.g. the exchange axis to connect to.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Services a test adds to the host, e.g. a stand-in for a feature that is not built yet.</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:DocBpm", database.ConnectionString);
        // Every test client signs in from the same address; the limit per address is tried by its own test.
        builder.UseSetting("Accounts:SignIn:RequestsPerAddressPerMinute", "100000");
        // The demo PKI would be made in the source tree's App_Data and shared by parallel tests: only its own test turns it on.
        builder.UseSetting("Signatures:DemoPki:Enabled", "false");
        // The demo axis would take the same loopback port in every parallel host: only its own test turns it on.
        builder.UseSetting("Exchange:DemoAxis:Enabled", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        // The JavaScript budgets are wall-clock time: on a loaded CI machine the first script of a host (Jint warming up)
        // took 16 s and the step stopped with an incident. The budgets have their own tests in the engine.
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(SandboxLimits.Default with
        {
            Timeout = TimeSpan.FromMinutes(1),
            ScriptTimePerStep = TimeSpan.FromMinutes(5),
        })));
        // A row limit on an unordered read takes whichever rows the database returns first: the inbox once cut 500 open
        // tasks before ordering them and hid urgent work (issue 19). Every host of these tests refuses such a query.
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteDocBpmDbContext>(RefuseUnorderedLimits);
            services.ConfigureDbContext<PostgreSqlDocBpmDbContext>(RefuseUnorderedLimits);
        });
        if (!ProductionPasswordHashing)
            builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1));
        builder.ConfigureServices(services => TestServices.ForEach(add => add(services)));
        if (realScheduler)
        {
            builder.UseSetting("Scheduling:SweepSeconds", "1");
            return;
        }

        builder.UseSetting("Scheduling:Enabled", "false");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    private static void RefuseUnorderedLimits(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    /// <summary>A client signed in with a bearer token as one of the demo accounts.</summary>
    public async Task<HttpClient> LoginAsync(string userName, string password = DevelopmentSeed.DemoPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/login", new LoginRequest(userName, password));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>One pass of the due work (start timers, timers and jobs, the outbox), as the host's sweep would run it.</summary>
    public Task<int> RunDueWorkAsync() =>
        Bounded.WaitAsync("The due work (timers, jobs, outbox)", ct => Services.GetRequiredService<DueWorkRunner>().RunOnceAsync("test", ct));

    /// <summary>Moves the clock to <paramref name="at"/>, firing the background loops' timers due by then, within <see cref="Bounded.Limit"/>.</summary>
    public Task SetClockAsync(DateTimeOffset at) =>
        Bounded.MoveAsync($"Moving the host's clock to {at:O}", () => Clock.SetUtcNow(at.ToUniversalTime()));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
            await database.DisposeAsync();
    }

    private sealed record TokenResponse(string AccessToken);
}
