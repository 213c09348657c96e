using System.Data.Common;
using System.Diagnostics;
using DocBpm.Engine;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Data;
using DocBpm.Web.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocBpm.Benchmarks;

/// <summary>DocBpm's interpreter with no database: the engine core alone.</summary>
public sealed class DocBpmInMemoryRunner : IShapeRunner
{
    private readonly ServiceProvider services;
    private readonly InMemoryWorkflowHost host;
    private readonly Dictionary<string, ProcessModel> models;

    public DocBpmInMemoryRunner()
    {
        services = new ServiceCollection().AddDocBpmInterpreter().AddActivity<Noop>().BuildServiceProvider();
        host = services.GetRequiredService<InMemoryWorkflowHost>();
        var registry = services.GetRequiredService<ActivityRegistry>();
        models = new()
        {
            [Shapes.Service] = BpmnParser.ParseSingle(Shapes.ServiceXml, registry),
            [Shapes.UserTask] = BpmnParser.ParseSingle(Shapes.UserTaskXml, registry),
        };
    }

    public string Name => "DocBpm (in memory)";
    public IReadOnlyDictionary<string, string> Notes { get; } = new Dictionary<string, string>();

    public async Task<double> RunAsync(string shape, int instances, CancellationToken cancellationToken)
    {
        var model = models[shape];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < instances; i++)
        {
            var started = await host.StartAsync(model, null, cancellationToken);
            if (shape == Shapes.UserTask)
                started = await host.ResumeAsync(started.Id, started.Bookmarks[0].Id, ResumeInput.Empty, cancellationToken);
            if (started.Result != RunResult.Completed)
                throw new InvalidOperationException($"{shape} did not complete");
        }

        return instances / watch.Elapsed.TotalSeconds;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}

/// <summary>
/// DocBpm's full runtime on a real database: every run is a stored transaction. With more than one worker, that many
/// instances run at once on the same database, as concurrent requests would.
/// </summary>
/// <remarks>
/// The one-worker runner counts the commands of a resume (the engine section's "db round-trips per resume") on instances
/// of their own, before its rows are warmed up and timed, on services with the counter; every timed instance runs on
/// services without it. A command interceptor makes EF describe every command to it, and the step writer then joins its
/// batch's text: about 6 % of the bytes a persisted instance allocated (67.5 against 59.5 KB in the one-worker row that
/// used to be timed with it), which a host, having no command interceptor, does not spend (issue 19).
/// </remarks>
public sealed class DocBpmPersistedRunner : IShapeRunner
{
    private readonly RunnerServices services;
    private readonly string provider;
    private readonly bool ownsServices;
    private readonly Dictionary<string, string> notes = [];

    private DocBpmPersistedRunner(string provider, RunnerServices services, int workers, bool ownsServices)
    {
        this.provider = provider;
        this.services = services;
        this.ownsServices = ownsServices;
        Workers = workers;
    }

    public int Workers { get; }
    public string Name => Workers == 1 ? $"DocBpm ({provider})" : $"DocBpm ({provider}, {Workers} workers)";
    public IReadOnlyDictionary<string, string> Notes => notes;

    public static async Task<DocBpmPersistedRunner> CreateAsync(DatabaseProvider provider, string connectionString)
    {
        var counter = new CommandCounter();
        var services = new RunnerServices(Build(provider, connectionString, counter), Build(provider, connectionString, counter: null), counter);
        await using (var scope = services.Counted.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchContext>();
            await db.Database.EnsureDeletedAsync();
            await db.Database.EnsureCreatedAsync();
            var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
            var engineDb = scope.ServiceProvider.GetRequiredService<EngineDb>();
            await store.DeployAsync(engineDb, Shapes.ServiceXml, "bench", CancellationToken.None);
            await store.DeployAsync(engineDb, Shapes.UserTaskXml, "bench", CancellationToken.None);
        }

        return new DocBpmPersistedRunner(provider.ToString(), services, workers: 1, ownsServices: true);
    }

    /// <summary>
    /// Pooled contexts and the application's session settings, as the host registers them (AddDocBpmDatabase), so that the
    /// engine rows measure what a host does; the counter, when given, is the one interceptor a host does not have.
    /// </summary>
    private static ServiceProvider Build(DatabaseProvider provider, string connectionString, CommandCounter? counter)
    {
        var collection = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        IInterceptor[] interceptors = counter is null ? [] : [counter];
        if (provider == DatabaseProvider.Sqlite)
            AddPooled<SqliteBenchContext>(collection, o => o.UseSqlite(connectionString).AddInterceptors(interceptors));
        else
            AddPooled<PostgresBenchContext>(collection, o => o.UseNpgsql(PostgresSessions.ForApplication(connectionString)).AddInterceptors(interceptors));
        return collection.BuildServiceProvider();
    }

    private static void AddPooled<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> options)
        where TContext : BenchContext
    {
        services.AddDbContextPool<TContext>(options);
        services.AddScoped<BenchContext>(sp => sp.GetRequiredService<TContext>());
        services.AddDocBpmEngine<TContext>().AddActivity<Noop>();
    }

    /// <summary>
    /// Empties what running instances store and keeps the deployed definitions, so that every row starts from the same
    /// database. Without it a row pays for all the instances the rows before it stored: by the engine mode's last row
    /// about 95,000, five times its own, and its figures mixed its workers with the tables' size (issue 19).
    /// </summary>
    public async Task ClearHistoryAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.Uncounted.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchContext>();
        var tables = HistoryTables.Select(t => $"\"{db.Model.FindEntityType(t)!.GetTableName()}\"").ToList();
        string[] statements = db.Database.IsNpgsql() ? [$"TRUNCATE {string.Join(", ", tables)}"] : [.. tables.Select(t => $"DELETE FROM {t}")];
        foreach (var statement in statements)
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
    }

    /// <summary>Dependants before what they reference, for a database that deletes table by table.</summary>
    private static readonly Type[] HistoryTables =
    [
        typeof(JournalRecord), typeof(BookmarkCandidateRecord), typeof(BookmarkRecord), typeof(IncidentRecord),
        typeof(OutboxRecord), typeof(ProcessedMessageRecord), typeof(InstanceRecord),
    ];

    /// <summary>The same database driven by several workers; disposing it leaves the services to this runner.</summary>
    public DocBpmPersistedRunner WithWorkers(int workers) => new(provider, services, workers, ownsServices: false);

    /// <summary>
    /// For the one-worker runner, the commands and commits of a lone resume of <paramref name="shape"/>, in <see cref="Notes"/>.
    /// The second instance is the one counted: the first on these services also reads the definition into their cache.
    /// </summary>
    public async Task CountResumeAsync(string shape, CancellationToken cancellationToken)
    {
        if (Workers != 1 || shape != Shapes.UserTask)
            return;
        for (var i = 0; i < 2; i++)
            await RunOneAsync(shape, counted: true, cancellationToken);
    }

    public async Task<double> RunAsync(string shape, int instances, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        if (Workers == 1)
            for (var i = 0; i < instances; i++)
                await RunOneAsync(shape, counted: false, cancellationToken);
        else
            await Parallel.ForAsync(0, instances, new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken },
                async (_, token) => await RunOneAsync(shape, counted: false, token));
        return instances / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// One instance: its start, then the completion of the task the start left open. The task is read from the start's own
    /// stored rows, as the start endpoint answers with it (<see cref="InstanceEndpoints.OpenTasksAsync"/>), and as the
    /// in-memory runner and the peers take it from their start; a person finding a task in their list is timed by the
    /// HTTP mode (the Director's <c>/api/tasks/mine</c>) and the inbox mode, not here.
    /// </summary>
    /// <param name="counted">On the services with the command counter, its resume counted into <see cref="Notes"/>.</param>
    private async Task RunOneAsync(string shape, bool counted, CancellationToken cancellationToken)
    {
        var provider = counted ? services.Counted : services.Uncounted;
        Guid taskId;
        await using (var scope = provider.CreateAsyncScope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var instance = await runtime.StartAsync(new StartRequest(shape), cancellationToken);
            if (shape != Shapes.UserTask)
                return;
            taskId = (await InstanceEndpoints.OpenTasksAsync(runtime.Db, instance, cancellationToken))[0].Id;
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            if (counted)
                services.Counter.Reset();
            await runtime.CompleteTaskAsync(taskId, null, Actor, cancellationToken);
            if (counted)
                notes["db round-trips per resume"] = services.Counter.Describe();
        }
    }

    private static readonly TaskActor Actor = new("bench", [], IsAdministrator: true);

    public ValueTask DisposeAsync() => ownsServices ? services.DisposeAsync() : ValueTask.CompletedTask;
}

/// <summary>A persisted runner's two service providers on one database: with the command counter, and without it.</summary>
internal sealed record RunnerServices(ServiceProvider Counted, ServiceProvider Uncounted, CommandCounter Counter) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Counted.DisposeAsync();
        await Uncounted.DisposeAsync();
    }
}

/// <summary>The engine's tables alone, one context type per database product (a pooled context takes only its options).</summary>
public abstract class BenchContext(DbContextOptions options, DatabaseProvider provider) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyEngine();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyEngineConventions(provider);
}

public sealed class SqliteBenchContext(DbContextOptions<SqliteBenchContext> options) : BenchContext(options, DatabaseProvider.Sqlite);

public sealed class PostgresBenchContext(DbContextOptions<PostgresBenchContext> options) : BenchContext(options, DatabaseProvider.PostgreSql);

/// <summary>Counts what a resume sends to the database: commands (each a round-trip) and commits.</summary>
public sealed class CommandCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private int commands;
    private int commits;

    public void Reset() => (commands, commits) = (0, 0);

    public string Describe() => $"{commands} command(s) + {commits} commit(s)";

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commands);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commands);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref commits);
        return ValueTask.FromResult(result);
    }
}
