using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Records;

public static class RecordsModel
{
    public static ModelBuilder ApplyRecords(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RetentionRule>(e =>
        {
            e.ToTable("rec_retention_rules");
            e.HasKey(r => r.Id);
            e.Property(r => r.Source).HasMaxLength(100);
            e.Property(r => r.Group).HasMaxLength(200);
            e.Property(r => r.Item).HasMaxLength(500);
            e.HasIndex(r => new { r.Source, r.Group, r.Item }).IsUnique();
        });
        modelBuilder.Entity<FilePlan>(e =>
        {
            e.ToTable("rec_file_plans");
            e.HasKey(p => p.Id);
            e.HasIndex(p => p.Year).IsUnique();
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.CreatedBy).HasMaxLength(100);
            e.Property(p => p.ApprovedBy).HasMaxLength(100);
            e.Property(p => p.Decision).HasMaxLength(FilePlan.DecisionLength);
            e.Property(p => p.Revision).IsConcurrencyToken();
            e.HasMany(p => p.Headings).WithOne().HasForeignKey(h => h.PlanId);
        });
        modelBuilder.Entity<FilePlanHeading>(e =>
        {
            e.ToTable("rec_file_plan_headings");
            e.HasKey(h => h.Id);
            e.Property(h => h.Title).HasMaxLength(500);
            e.Property(h => h.Abbreviation).HasMaxLength(10);
            e.HasIndex(h => new { h.PlanId, h.Ordinal }).IsUnique();
            e.HasIndex(h => new { h.PlanId, h.Abbreviation }).IsUnique();
        });
        modelBuilder.Entity<RecordFile>(e =>
        {
            e.ToTable("rec_files");
            e.HasKey(f => f.Id);
            e.Property(f => f.Notation).HasMaxLength(RecordFile.NotationLength);
            e.Property(f => f.Title).HasMaxLength(500);
            e.Property(f => f.Keeper).HasMaxLength(100);
            e.Property(f => f.UnitCode).HasMaxLength(50);
            e.Property(f => f.Note).HasMaxLength(500);
            e.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
            // The file code (agency + year + notation) names one file: the database refuses a second under it.
            e.HasIndex(f => new { f.Year, f.Notation }).IsUnique();
            e.HasIndex(f => f.Keeper);
            e.Property(f => f.Revision).IsConcurrencyToken();
            e.HasMany(f => f.Documents).WithOne().HasForeignKey(d => d.FileId);
        });
        modelBuilder.Entity<FiledDocument>(e =>
        {
            e.ToTable("rec_filed_documents");
            e.HasKey(d => d.Id);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.AddedBy).HasMaxLength(100);
            e.HasIndex(d => new { d.FileId, d.Kind, d.DocumentId }).IsUnique();
            e.HasIndex(d => new { d.Kind, d.DocumentId });
        });
        return modelBuilder;
    }
}
