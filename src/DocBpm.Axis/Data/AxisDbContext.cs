using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DocBpm.Axis.Data;

public sealed class AxisDbContext(DbContextOptions<AxisDbContext> options) : DbContext(options)
{
    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();
    public DbSet<PackageRecord> Packages => Set<PackageRecord>();
    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AgencyRecord>(e =>
        {
            e.ToTable("agencies");
            e.HasKey(a => a.Code);
            e.Property(a => a.Code).HasMaxLength(20);
            e.Property(a => a.Name).HasMaxLength(300);
            e.Property(a => a.KeyHash).HasMaxLength(64);
        });
        modelBuilder.Entity<PackageRecord>(e =>
        {
            e.ToTable("packages");
            e.HasKey(p => p.Sequence);
            e.Property(p => p.Sequence).ValueGeneratedOnAdd();
            e.HasAlternateKey(p => p.Id);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.SenderCode).HasMaxLength(20);
            e.Property(p => p.DocumentId).HasMaxLength(300);
            e.Property(p => p.StatusCode).HasMaxLength(2);
            e.HasIndex(p => new { p.SenderCode, p.DocumentId });
        });
        modelBuilder.Entity<DeliveryRecord>(e =>
        {
            e.ToTable("deliveries");
            e.HasKey(d => d.Id);
            e.Property(d => d.RecipientCode).HasMaxLength(20);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(d => new { d.RecipientCode, d.State });
            e.HasIndex(d => new { d.PackageId, d.RecipientCode }).IsUnique();
            e.HasOne<PackageRecord>().WithMany().HasForeignKey(d => d.PackageId).HasPrincipalKey(p => p.Id).OnDelete(DeleteBehavior.Cascade);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text; binary ticks of UTC instants can.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
