namespace DocBpm.Engine.Persistence;

/// <summary>The database products DocBpm runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
