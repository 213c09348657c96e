using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Coordination;

public static class CoordinationModel
{
    public static ModelBuilder ApplyCoordination(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CoordinationOpinion>(e =>
        {
            e.ToTable("coordination_opinions");
            e.HasKey(o => o.Id);
            e.Property(o => o.ProcessKey).HasMaxLength(50);
            e.Property(o => o.UnitCode).HasMaxLength(30);
            e.Property(o => o.UserName).HasMaxLength(256);
            e.Property(o => o.Text).HasMaxLength(CoordinationOpinions.MaxLength);
            e.Property(o => o.FileName).HasMaxLength(260);
            e.HasIndex(o => new { o.ProcessKey, o.SubjectId });
        });
        return modelBuilder;
    }
}
