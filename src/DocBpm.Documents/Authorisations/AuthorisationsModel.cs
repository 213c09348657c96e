using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Authorisations;

public static class AuthorisationsModel
{
    public static ModelBuilder ApplyAuthorisations(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SigningAuthorisation>(e =>
        {
            e.ToTable("doc_signing_authorisations");
            e.HasKey(a => a.Id);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Capacity).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.DecisionNumber).HasMaxLength(50);
            e.Property(a => a.GrantedBy).HasMaxLength(256);
            e.Property(a => a.RevokedBy).HasMaxLength(256);
            e.HasIndex(a => a.UserName);
        });
        return modelBuilder;
    }
}
