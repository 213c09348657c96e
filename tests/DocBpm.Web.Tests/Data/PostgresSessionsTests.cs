using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DocBpm.Web.Tests.Data;

/// <summary>
/// Issue 19: the application's PostgreSQL sessions run without JIT, which compiled a paged search for longer than it
/// ran (docs/benchmarks.md); an operator's own jit setting in the connection string wins.
/// </summary>
[TestClass]
public sealed class PostgresSessionsTests
{
    [TestMethod]
    public async Task Issue19_the_application_s_PostgreSQL_sessions_run_without_JIT()
    {
        if (!TestDatabase.Providers.Any(p => (DatabaseProvider)p[0] == DatabaseProvider.PostgreSql))
            Assert.Inconclusive($"{TestDatabase.PostgresVariable} is not set.");
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var services = new ServiceCollection()
            .AddDocBpmDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, database.ConnectionString)).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        var jit = await scope.ServiceProvider.GetRequiredService<DocBpmDbContext>().Database.SqlQueryRaw<string>("SHOW jit").ToListAsync();

        CollectionAssert.AreEqual(new[] { "off" }, jit);
    }

    [TestMethod]
    [DataRow("Host=db;Database=docbpm", "-c jit=off")]
    [DataRow("Host=db;Database=docbpm;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off")]
    [DataRow("Host=db;Database=docbpm;Options=-c jit=on", "-c jit=on")]
    public void Issue19_JIT_is_turned_off_unless_the_connection_string_names_it(string connectionString, string options) =>
        Assert.AreEqual(options, new NpgsqlConnectionStringBuilder(PostgresSessions.WithoutJit(connectionString)).Options);
}
