using DocBpm.Web.Idempotency;
using DocBpm.Documents;
using DocBpm.Engine.Persistence;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Accounts;
using DocBpm.Web.Notifications;
using DocBpm.Web.IncidentReports;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Data;

/// <summary>
/// The one DbContext of the host: accounts, the engine's tables, Quartz's job store, and (as they land) the documents.
/// Each database product has its own subclass so that each keeps its own migrations.
/// </summary>
public abstract class DocBpmDbContext(DbContextOptions options, DatabaseProvider provider)
    : IdentityDbContext<AppUser, AppRole, string>(options)
{
    /// <summary>Quartz's tables live beside DocBpm's; the migrations create them (see QuartzSchema).</summary>
    public const string QuartzTablePrefix = "qrtz_";

    public DatabaseProvider Provider { get; } = provider;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyEngine();
        builder.ApplyDocuments();
        builder.ApplyIdempotency();
        builder.ApplyNotifications();
        builder.ApplyAccessLog();
        builder.ApplyIncidentReports();
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
            e.Property(u => u.Position).HasMaxLength(100);
            e.HasOne<DocBpm.Documents.Organisation.Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<SignInEvent>(e =>
        {
            e.ToTable("doc_sign_in_events");
            e.Property(x => x.UserName).HasMaxLength(SignInEvent.UserNameLength);
            e.Property(x => x.Address).HasMaxLength(SignInEvent.AddressLength);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.UserName, x.Address, x.At });
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyEngineConventions(Provider);
}

public sealed class SqliteDocBpmDbContext(DbContextOptions<SqliteDocBpmDbContext> options)
    : DocBpmDbContext(options, DatabaseProvider.Sqlite);

public sealed class PostgreSqlDocBpmDbContext(DbContextOptions<PostgreSqlDocBpmDbContext> options)
    : DocBpmDbContext(options, DatabaseProvider.PostgreSql);

public sealed class SqlServerDocBpmDbContext(DbContextOptions<SqlServerDocBpmDbContext> options)
    : DocBpmDbContext(options, DatabaseProvider.SqlServer);
