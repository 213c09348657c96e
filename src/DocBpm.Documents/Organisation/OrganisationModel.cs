using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Organisation;

public static class OrganisationModel
{
    public static ModelBuilder ApplyOrganisation(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Unit>(e =>
        {
            e.ToTable("org_units");
            e.HasKey(u => u.Id);
            e.Property(u => u.Code).HasMaxLength(30);
            e.Property(u => u.Name).HasMaxLength(200);
            e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.SupervisorUserName).HasMaxLength(256);
            e.HasIndex(u => u.Code).IsUnique();
        });
        return modelBuilder;
    }
}
