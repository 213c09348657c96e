using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Engine.Tests.Runtime;

public abstract class EngineTestContext(DbContextOptions options, DatabaseProvider provider) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyEngine();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyEngineConventions(provider);
}

// One context type per provider: EF caches a model per context type, and the conventions differ.
public sealed class SqliteEngineTestContext(DbContextOptions<SqliteEngineTestContext> options)
    : EngineTestContext(options, DatabaseProvider.Sqlite);

public sealed class PostgreSqlEngineTestContext(DbContextOptions<PostgreSqlEngineTestContext> options)
    : EngineTestContext(options, DatabaseProvider.PostgreSql);

/// <summary>
/// A real engine on a real database (a fresh SQLite file or PostgreSQL database per test), with fake time.
/// Each call runs in its own DI scope, like an HTTP request or a scheduler job would.
/// </summary>
public sealed class EngineTestHost : IAsyncDisposable
{
    private readonly TestDatabase database;
    private readonly DocBpm.Engine.Expressions.SandboxLimits? limits;
    private readonly DueWorkSweepOptions? sweep;
    private readonly IInterceptor? interceptor;
    private readonly bool ownsDatabase;

    private EngineTestHost(TestDatabase database, ServiceProvider services, DocBpm.Engine.Expressions.SandboxLimits? limits,
        DueWorkSweepOptions? sweep, IInterceptor? interceptor, bool ownsDatabase = true)
    {
        this.database = database;
        this.limits = limits;
        this.sweep = sweep;
        this.interceptor = interceptor;
        this.ownsDatabase = ownsDatabase;
        Services = services;
    }

    public ServiceProvider Services { get; private set; }
    public FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();
    public FlakyService Flaky => Services.GetRequiredService<FlakyService>();

    /// <param name="limits">The JavaScript limits, when a test needs other than the defaults.</param>
    /// <param name="sweep">How this host sweeps due work, when a test needs other than the defaults.</param>
    /// <param name="interceptor">Sees every context of this host, for a test that steps in between a run and its write.</param>
    public static async Task<EngineTestHost> StartAsync(DatabaseProvider provider, DocBpm.Engine.Expressions.SandboxLimits? limits = null,
        DueWorkSweepOptions? sweep = null, IInterceptor? interceptor = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = BuildServices(database, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), limits, sweep, interceptor);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<EngineTestContext>().Database.EnsureCreatedAsync();
        return new EngineTestHost(database, services, limits, sweep, interceptor);
    }

    /// <summary>
    /// Another node on this host's database, its own services and clock set to this host's time; disposing it leaves the
    /// database to this host.
    /// </summary>
    public EngineTestHost Join(DueWorkSweepOptions sweep) =>
        new(database, BuildServices(database, Clock.GetUtcNow(), limits, sweep, interceptor), limits, sweep, interceptor, ownsDatabase: false);

    /// <summary>Sweeps due timers and jobs as the scheduler of this host does, under the name <paramref name="owner"/>.</summary>
    public Task<int> SweepAsync(string owner = "test") =>
        Services.GetRequiredService<DueWorkSweep>().RunOnceAsync(owner, CancellationToken.None);

    /// <summary>A host restart: every service and cache is built anew on the same database, at the same time.</summary>
    public async Task RestartAsync()
    {
        var now = Clock.GetUtcNow();
        await Services.DisposeAsync();
        Services = BuildServices(database, now, limits, sweep, interceptor);
    }

    private static ServiceProvider BuildServices(TestDatabase database, DateTimeOffset now, DocBpm.Engine.Expressions.SandboxLimits? limits,
        DueWorkSweepOptions? sweep, IInterceptor? interceptor)
    {
        var provider = database.Provider;
        var services = new ServiceCollection();
        services.AddLogging();
        if (limits is not null)
            services.AddSingleton(limits);
        if (sweep is not null)
            services.AddSingleton(sweep);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddSingleton<FlakyService>();
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<SqliteEngineTestContext>(o => Intercepted(o.UseSqlite(database.ConnectionString), interceptor));
            services.AddScoped<EngineTestContext>(sp => sp.GetRequiredService<SqliteEngineTestContext>());
        }
        else
        {
            services.AddDbContext<PostgreSqlEngineTestContext>(o => Intercepted(o.UseNpgsql(database.ConnectionString), interceptor));
            services.AddScoped<EngineTestContext>(sp => sp.GetRequiredService<PostgreSqlEngineTestContext>());
        }

        services.AddDocBpmEngine<EngineTestContext>();
        services.AddActivity<Echo>();
        services.AddActivity<RaiseError>();
        services.AddActivity<FlakyCall>();
        services.AddActivity<RaiseErrorLater>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static DbContextOptionsBuilder Intercepted(DbContextOptionsBuilder options, IInterceptor? interceptor) =>
        interceptor is null ? options : options.AddInterceptors(interceptor);

    /// <summary>Delivers what the outbox holds, as the host's sweep does after each step commits.</summary>
    public async Task<int> DeliverOutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Messages.OutboxProcessor>().DeliverDueAsync("test", 100, CancellationToken.None);
    }

    public async Task<T> InScopeAsync<T>(Func<WorkflowRuntime, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>());
    }

    public Task InScopeAsync(Func<WorkflowRuntime, Task> action) =>
        InScopeAsync(async runtime =>
        {
            await action(runtime);
            return true;
        });

    public Task<T> QueryAsync<T>(Func<EngineDb, Task<T>> query) => InScopeAsync(runtime => query(runtime.Db));

    public Task<Deployment> DeployAsync(string xml) =>
        InScopeAsync(runtime => Services.GetRequiredService<DefinitionStore>().DeployAsync(runtime.Db, xml, "analyst", CancellationToken.None));

    public Task<IReadOnlyList<DecisionDeployment>> DeployDecisionsAsync(string dmn) =>
        InScopeAsync(runtime => Services.GetRequiredService<DecisionStore>().DeployAsync(runtime.Db, dmn, "analyst", CancellationToken.None));

    public async Task<InstanceRecord> StartAsync(string xml, object? variables = null, string? businessKey = null)
    {
        var deployment = await DeployAsync(xml);
        return await InScopeAsync(runtime => runtime.StartAsync(
            new StartRequest(deployment.Definition.Key, Variables(variables), businessKey, "starter"), CancellationToken.None));
    }

    public Task<InstanceRecord> InstanceAsync(Guid id) =>
        QueryAsync(db => db.Instances.AsNoTracking().FirstAsync(i => i.Id == id));

    public async Task<JsonNode?> VariableAsync(Guid instanceId, string name) =>
        InstanceState.Deserialize((await InstanceAsync(instanceId)).State).Root.Variables.GetValueOrDefault(name);

    public Task<List<BookmarkRecord>> ActiveBookmarksAsync(Guid instanceId) =>
        QueryAsync(db => db.Bookmarks.AsNoTracking()
            .Where(b => b.InstanceId == instanceId && b.Status == BookmarkStatus.Active)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.ElementId).ToListAsync());

    /// <summary>The elements the instance waits at (one entry per active bookmark), in id order.</summary>
    public async Task<List<string>> WaitingAtAsync(Guid instanceId) =>
        [.. (await ActiveBookmarksAsync(instanceId)).Select(b => b.ElementId).Order(StringComparer.Ordinal)];

    public async Task<BookmarkRecord> TaskAsync(Guid instanceId, string elementId) =>
        (await ActiveBookmarksAsync(instanceId)).Single(b => b.Kind == BookmarkKind.UserTask && b.ElementId == elementId);

    public async Task<InstanceRecord> CompleteAsync(Guid instanceId, string elementId, object? variables = null, string user = "tester")
    {
        var task = await TaskAsync(instanceId, elementId);
        return await InScopeAsync(runtime => runtime.CompleteTaskAsync(task.Id, Variables(variables),
            new TaskActor(user, [], IsAdministrator: true), CancellationToken.None));
    }

    public Task<CorrelationResult> CorrelateAsync(string name, string? key, object? variables = null, string? idempotencyKey = null) =>
        InScopeAsync(runtime => runtime.CorrelateAsync(new MessageRequest(name, key, Variables(variables), idempotencyKey),
            CancellationToken.None));

    /// <summary>Advances fake time and fires everything due, as the scheduler's sweep does.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        var fired = 0;
        for (var pass = 0; pass < 50; pass++)
        {
            var starts = await InScopeAsync(runtime => runtime.FindDueStartsAsync(100, CancellationToken.None));
            foreach (var id in starts)
                if (await InScopeAsync(runtime => runtime.FireStartTimerAsync(id, CancellationToken.None)) is not null)
                    fired++;
            var swept = await SweepAsync();
            if (swept == 0 && starts.Count == 0)
                break;
            fired += swept;
        }

        return fired;
    }

    public Task<List<string>> JournalAsync(Guid instanceId) =>
        QueryAsync(db => db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id)
            .Select(j => j.ElementId + ":" + j.Event).ToListAsync());

    public static Dictionary<string, JsonNode?>? Variables(object? variables) =>
        variables is null
            ? null
            : System.Text.Json.JsonSerializer.SerializeToNode(variables, ActivityContext.JsonOptions)!.AsObject()
                .ToDictionary(p => p.Key, p => p.Value?.DeepClone());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (ownsDatabase)
            await database.DisposeAsync();
    }
}
