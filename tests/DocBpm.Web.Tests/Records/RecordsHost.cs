using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Tests.Records;

/// <summary>A host for the records tests: a file's notation and the archive's papers carry the agency's code.</summary>
internal static class RecordsHost
{
    public static void Configure(DocBpmWebFactory host) => host.Settings["Exchange:AgencyCode"] = "000.00.12.H37";

    public static async Task<DocBpmWebFactory> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var host = await DocBpmWebFactory.CreateAsync(provider);
        Configure(host);
        return host;
    }
}
