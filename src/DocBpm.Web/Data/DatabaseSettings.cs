using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Data;

/// <summary>Which database the host runs on: <c>Database:Provider</c> and <c>ConnectionStrings:DocBpm</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=App_Data/docbpm.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
            throw new InvalidOperationException(
                $"Database:Provider '{providerText}' is not one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
        var connectionString = configuration.GetConnectionString("DocBpm");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
                throw new InvalidOperationException($"ConnectionStrings:DocBpm is required for {provider}.");
            connectionString = DefaultSqlite;
        }

        return new DatabaseSettings(provider, connectionString);
    }
}
