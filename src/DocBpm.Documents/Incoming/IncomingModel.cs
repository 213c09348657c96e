using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

public static class IncomingModel
{
    public static ModelBuilder ApplyIncoming(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IncomingDocument>(e =>
        {
            e.ToTable("doc_incoming");
            e.HasKey(d => d.Id);
            e.Property(d => d.ProcessKey).HasMaxLength(300);
            e.Property(d => d.IssuingAgency).HasMaxLength(300);
            e.Property(d => d.IssuingAgencyCode).HasMaxLength(20);
            e.Property(d => d.CodeNumber).HasMaxLength(50);
            e.Property(d => d.CodeNotation).HasMaxLength(100);
            e.Property(d => d.DocumentType).HasMaxLength(100);
            e.Property(d => d.Subject).HasMaxLength(2000);
            e.Property(d => d.Signer).HasMaxLength(200);
            e.Property(d => d.Notes).HasMaxLength(2000);
            e.Property(d => d.RegisteredBy).HasMaxLength(256);
            e.Property(d => d.PaperDeliveredBy).HasMaxLength(256);
            e.Ignore(d => d.HasPaperOriginal);
            e.Property(d => d.Instruction).HasMaxLength(4000);
            e.Property(d => d.ReturnReason).HasMaxLength(2000);
            e.Property(d => d.CancelReason).HasMaxLength(2000);
            e.Property(d => d.FileIds).HasMaxLength(4000);
            e.Property(d => d.Source).HasConversion<string>().HasMaxLength(10);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.CorrectionKind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.CorrectsIdentifier).HasMaxLength(300);
            e.HasIndex(d => d.CorrectsId);
            e.HasIndex(d => d.CorrectsIdentifier);
            e.Property(d => d.Revision).IsConcurrencyToken();
            e.Ignore(d => d.Files);
            e.HasIndex(d => d.ProcessKey).IsUnique();
            e.HasIndex(d => d.ReceivedDocumentId);
            e.HasIndex(d => new { d.RegisterBookId, d.IncomingNumber });
            e.HasIndex(d => d.ReceivedAt);
            e.Property(d => d.SubjectKey).HasMaxLength(IncomingDocument.SubjectKeyLength);
            e.Property(d => d.SenderKey).HasMaxLength(IncomingDocument.SenderKeyLength);
            e.Property(d => d.NotationKey).HasMaxLength(IncomingDocument.NotationKeyLength);
            // Sender and notation keys are short enough to index for whole and prefix look-ups; the subject key is not (SQL Server
            // refuses index keys over 1700 bytes), and a contains-search scans it either way.
            e.HasIndex(d => d.SenderKey);
            e.HasIndex(d => d.NotationKey);
        });
        modelBuilder.Entity<IncomingAssignment>(e =>
        {
            e.ToTable("doc_incoming_assignments");
            e.HasKey(a => a.Id);
            e.Property(a => a.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.Assignee).HasMaxLength(256);
            e.Property(a => a.AssigneeName).HasMaxLength(300);
            e.Property(a => a.UnitCode).HasMaxLength(30);
            e.Property(a => a.AssignedBy).HasMaxLength(256);
            e.Property(a => a.Instruction).HasMaxLength(4000);
            e.HasOne<IncomingDocument>().WithMany().HasForeignKey(a => a.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(a => new { a.Assignee, a.DocumentId });
            e.HasIndex(a => new { a.UnitCode, a.DocumentId });
        });
        modelBuilder.Entity<IncomingEvent>(e =>
        {
            e.ToTable("doc_incoming_history");
            e.HasKey(h => h.Id);
            e.Property(h => h.UserName).HasMaxLength(256);
            e.Property(h => h.Action).HasMaxLength(50);
            e.Property(h => h.Detail).HasMaxLength(4000);
            e.HasOne<IncomingDocument>().WithMany().HasForeignKey(h => h.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(h => h.DocumentId);
        });
        return modelBuilder;
    }
}
