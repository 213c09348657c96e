using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Statistics;

/// <summary>
/// A test class run once per database provider with one host for the class: the PostgreSQL twin's tests are
/// inconclusive where DOCBPM_TEST_POSTGRES is not set (and <see cref="TestDatabase.Providers"/> fails on CI without it).
/// </summary>
internal static class ProviderHosts
{
    public static DocBpmWebFactory Required(DocBpmWebFactory? host, DatabaseProvider provider)
    {
        if (host is null)
            Assert.Inconclusive($"No {provider} database: {TestDatabase.PostgresVariable} is not set.");
        return host;
    }

    public static async Task StopAsync(DocBpmWebFactory? host)
    {
        if (host is not null)
            await host.DisposeAsync();
    }
}
