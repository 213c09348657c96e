using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Exchange;

public static class ExchangeModel
{
    public static ModelBuilder ApplyExchange(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReceivedDocument>(e =>
        {
            e.ToTable("doc_received");
            e.HasKey(d => d.Id);
            e.Property(d => d.SenderCode).HasMaxLength(20);
            e.Property(d => d.SenderName).HasMaxLength(300);
            e.Property(d => d.DocumentId).HasMaxLength(300);
            e.Property(d => d.CodeNumber).HasMaxLength(50);
            e.Property(d => d.CodeNotation).HasMaxLength(100);
            e.Property(d => d.Subject).HasMaxLength(2000);
            e.Property(d => d.FileIds).HasMaxLength(4000);
            e.Property(d => d.ContentHash).HasMaxLength(64);
            e.Property(d => d.Priority).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.LastStatus).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(d => new { d.SenderCode, d.DocumentId }).IsUnique();
        });
        modelBuilder.Entity<DispatchRecord>(e =>
        {
            e.ToTable("doc_dispatches");
            e.HasKey(d => d.Id);
            e.Property(d => d.DocumentId).HasMaxLength(300);
            e.Property(d => d.RecipientCode).HasMaxLength(20);
            e.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.LastStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.LastStatusNote).HasMaxLength(2000);
            e.HasIndex(d => d.BatchId);
            e.HasIndex(d => new { d.DocumentId, d.RecipientCode });
        });
        modelBuilder.Entity<IntakeFailure>(e =>
        {
            e.ToTable("doc_intake_failures");
            e.HasKey(f => f.PackageId);
            e.Property(f => f.PackageId).ValueGeneratedNever();
            e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.SenderCode).HasMaxLength(20);
            e.Property(f => f.DocumentId).HasMaxLength(300);
            e.Property(f => f.LastError).HasMaxLength(4000);
            e.Property(f => f.Cause).HasConversion<string>().HasMaxLength(30);
            e.Property(f => f.InnerError).HasMaxLength(4000);
            e.Property(f => f.Resolution).HasConversion<string>().HasMaxLength(20);
            e.Property(f => f.ResolvedBy).HasMaxLength(100);
            e.Property(f => f.DismissReason).HasMaxLength(2000);
            e.HasIndex(f => f.ResolvedAt);
        });
        return modelBuilder;
    }
}
