using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DocBpm.Web.Tests.Data;

/// <summary>
/// Issue 19: the application's PostgreSQL sessions run without JIT, which compiled a paged search for longer than it
/// ran (docs/benchmarks.md), are not reset (<c>DISCARD ALL</c>, a transaction of its own) each time they return to the
/// pool, and prepare the statements they repeat; an operator's own setting of any of them in the connection string wins.
/// </summary>
[TestClass]
public sealed class PostgresSessionsTests
{
    [TestMethod]
    public async Task Issue19_the_application_s_PostgreSQL_sessions_run_without_JIT()
    {
        var jit = await OnApplicationSessionsAsync(services => InOwnScopeAsync(services, "SHOW jit"));

        Assert.AreEqual("off", jit);
    }

    [TestMethod]
    public async Task Issue19_a_pooled_session_goes_back_to_the_next_request_without_a_DISCARD_ALL()
    {
        // A session setting made by one request is still there for the next one on the same pooled connection: the
        // reset that would clear it was not sent.
        var (first, second) = await OnApplicationSessionsAsync(async services => (
            await InOwnScopeAsync(services, "SELECT set_config('docbpm.probe', 'kept', false) || '@' || pg_backend_pid() AS \"Value\""),
            await InOwnScopeAsync(services, "SELECT current_setting('docbpm.probe', true) || '@' || pg_backend_pid() AS \"Value\"")));

        Assert.AreEqual(first, second);
    }

    [TestMethod]
    [DataRow("Host=db;Database=docbpm", true)]
    [DataRow("Host=db;Database=docbpm;No Reset On Close=false", false)]
    public void Issue19_sessions_are_not_reset_on_return_to_the_pool_unless_the_connection_string_says_so(string connectionString, bool noReset)
    {
        var application = new NpgsqlConnectionStringBuilder(PostgresSessions.ForApplication(connectionString));

        Assert.AreEqual(noReset, application.NoResetOnClose);
        Assert.AreEqual("-c jit=off", application.Options);
    }

    [TestMethod]
    public async Task Issue19_a_statement_the_application_repeats_is_prepared_on_its_session()
    {
        // Each reading is its own request on the same pooled session; the last one counts what that session holds.
        const string Count = "SELECT count(*)::text AS \"Value\" FROM pg_prepared_statements";
        var prepared = await OnApplicationSessionsAsync(async services =>
        {
            for (var i = 0; i < PostgresSessions.AutoPrepareAfter; i++)
                await InOwnScopeAsync(services, Count);
            return await InOwnScopeAsync(services, Count);
        });

        Assert.AreEqual("1", prepared);
    }

    [TestMethod]
    [DataRow("Host=db;Database=docbpm", PostgresSessions.AutoPrepared, PostgresSessions.AutoPrepareAfter)]
    [DataRow("Host=db;Database=docbpm;Max Auto Prepare=0", 0, PostgresSessions.AutoPrepareAfter)]
    [DataRow("Host=db;Database=docbpm;MaxAutoPrepare=20;Auto Prepare Min Usages=5", 20, 5)]
    public void Issue19_repeated_statements_are_prepared_unless_the_connection_string_says_otherwise(string connectionString,
        int maxAutoPrepare, int minUsages)
    {
        var application = new NpgsqlConnectionStringBuilder(PostgresSessions.ForApplication(connectionString));

        Assert.AreEqual(maxAutoPrepare, application.MaxAutoPrepare);
        Assert.AreEqual(minUsages, application.AutoPrepareMinUsages);
    }

    /// <summary>The application's database registration on a PostgreSQL database of the test's own.</summary>
    private static async Task<T> OnApplicationSessionsAsync<T>(Func<ServiceProvider, Task<T>> use)
    {
        TestDatabase.RequirePostgres();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var services = new ServiceCollection()
            .AddDocBpmDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, database.ConnectionString)).BuildServiceProvider();
        return await use(services);
    }

    private static async Task<string> InOwnScopeAsync(ServiceProvider services, string sql)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DocBpmDbContext>().Database.SqlQueryRaw<string>(sql).ToListAsync()).Single();
    }

    [TestMethod]
    [DataRow("Host=db;Database=docbpm", "-c jit=off")]
    [DataRow("Host=db;Database=docbpm;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off")]
    [DataRow("Host=db;Database=docbpm;Options=-c jit=on", "-c jit=on")]
    public void Issue19_JIT_is_turned_off_unless_the_connection_string_names_it(string connectionString, string options) =>
        Assert.AreEqual(options, new NpgsqlConnectionStringBuilder(PostgresSessions.WithoutJit(connectionString)).Options);
}
