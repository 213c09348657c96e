using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Records;

public static class HandoverModel
{
    public static ModelBuilder ApplyHandover(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RecordHandover>(e =>
        {
            e.ToTable("rec_handovers");
            e.HasKey(h => h.Id);
            // One row per file: two first submissions at once cannot both be stored.
            e.HasIndex(h => h.FileId).IsUnique();
            e.HasIndex(h => h.SubmissionId);
            e.Property(h => h.State).HasConversion<string>().HasMaxLength(20);
            e.Property(h => h.SubmittedBy).HasMaxLength(100);
            e.Property(h => h.DecidedBy).HasMaxLength(100);
            e.Property(h => h.Reason).HasMaxLength(RecordHandover.ReasonLength);
            e.Property(h => h.Revision).IsConcurrencyToken();
            e.HasOne<RecordFile>().WithMany().HasForeignKey(h => h.FileId);
        });
        modelBuilder.Entity<HandoverSubmission>(e =>
        {
            e.ToTable("rec_handover_submissions");
            e.HasKey(s => s.Id);
            e.Property(s => s.SubmittedBy).HasMaxLength(100);
            e.Property(s => s.UnitCode).HasMaxLength(50);
        });
        modelBuilder.Entity<HandoverEvent>(e =>
        {
            e.ToTable("rec_handover_events");
            e.HasKey(h => h.Id);
            e.HasIndex(h => new { h.FileId, h.At });
            e.Property(h => h.Action).HasConversion<string>().HasMaxLength(30);
            e.Property(h => h.Actor).HasMaxLength(100);
            e.Property(h => h.Reason).HasMaxLength(RecordHandover.ReasonLength + 50);
        });
        modelBuilder.Entity<KeepBack>(e =>
        {
            e.ToTable("rec_keep_backs");
            e.HasKey(k => k.Id);
            e.HasIndex(k => k.FileId);
            e.Property(k => k.State).HasConversion<string>().HasMaxLength(20);
            e.Property(k => k.RequestedBy).HasMaxLength(100);
            e.Property(k => k.DecidedBy).HasMaxLength(100);
            e.Property(k => k.Reason).HasMaxLength(RecordHandover.ReasonLength);
            e.Property(k => k.Revision).IsConcurrencyToken();
            e.HasOne<RecordFile>().WithMany().HasForeignKey(k => k.FileId);
        });
        return modelBuilder;
    }
}
