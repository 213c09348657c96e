using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DocBpm.Web.Data;

// Used by `dotnet ef migrations add` only; the connection strings are never opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDocBpmDbContext>
{
    public SqliteDocBpmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDocBpmDbContext>().UseSqlite(DatabaseSettings.DefaultSqlite).Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDocBpmDbContext>
{
    public PostgreSqlDocBpmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlDocBpmDbContext>().UseNpgsql("Host=localhost;Database=docbpm").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerDocBpmDbContext>
{
    public SqlServerDocBpmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerDocBpmDbContext>().UseSqlServer("Server=localhost;Database=docbpm").Options);
}
