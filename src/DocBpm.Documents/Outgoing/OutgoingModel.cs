using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Outgoing;

public static class OutgoingModel
{
    public static ModelBuilder ApplyOutgoing(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutgoingDocument>(e =>
        {
            e.ToTable("doc_outgoing");
            e.HasKey(d => d.Id);
            e.Property(d => d.TypeCode).HasMaxLength(10);
            e.Property(d => d.TypeName).HasMaxLength(100);
            e.Property(d => d.Subject).HasMaxLength(2000);
            e.Property(d => d.DraftingUnit).HasMaxLength(30);
            e.Property(d => d.Drafter).HasMaxLength(256);
            e.Property(d => d.Language).HasMaxLength(10);
            e.Property(d => d.Notes).HasMaxLength(2000);
            e.Property(d => d.ArchiveHolder).HasMaxLength(300);
            e.Property(d => d.Urgency).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Confidentiality).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.CorrectionKind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.SigningLeader).HasMaxLength(256);
            e.Property(d => d.SignerName).HasMaxLength(OutgoingSearchKeys.SignerLength);
            e.Property(d => d.SignerPosition).HasMaxLength(100);
            e.Property(d => d.SignerCompetence).HasMaxLength(100);
            e.Property(d => d.RequestedCapacity).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.SignerAuthorisation).HasMaxLength(300);
            e.Property(d => d.SignerUserName).HasMaxLength(256);
            e.Property(d => d.Notation).HasMaxLength(100);
            e.Property(d => d.NumberAndNotation).HasMaxLength(OutgoingSearchKeys.NotationLength);
            e.Property(d => d.IssuedBy).HasMaxLength(256);
            e.Property(d => d.NationalId).HasMaxLength(300);
            e.Property(d => d.SubjectKey).HasMaxLength(OutgoingSearchKeys.SubjectLength);
            e.Property(d => d.NotationKey).HasMaxLength(OutgoingSearchKeys.NotationLength);
            e.Property(d => d.SignerKey).HasMaxLength(OutgoingSearchKeys.SignerLength);
            // Articles 7.3, 11.2: a number, and a number + notation, is used once per book and year, and a national identifier
            // (which names the issuing agency) once, whatever else went wrong; the database is the last word.
            e.HasIndex(d => new { d.RegisterBookId, d.RegisterYear, d.Number }).IsUnique();
            e.HasIndex(d => new { d.RegisterBookId, d.RegisterYear, d.NumberAndNotation }).IsUnique();
            e.HasIndex(d => d.NationalId).IsUnique();
            // The outgoing list reads newest first, a page at a time (issue 19): the Director, the clerks and the office
            // chief from the newest document on, a drafter and a drafting unit's people also by their own documents,
            // each an index range in the list's order, where every page sorted every outgoing document.
            e.HasIndex(d => new { d.CreatedAt, d.Id }).IsDescending(true, false);
            e.HasIndex(d => new { d.Drafter, d.CreatedAt });
            e.HasIndex(d => new { d.DraftingUnit, d.CreatedAt });
            // The rows stored before the search keys, which the upgrade keys (OutgoingKeysBackfill): empty once it has, so
            // that finding there is nothing left to key is one read of an empty index at each start.
            e.HasIndex(d => d.Id, "IX_doc_outgoing_Unkeyed").HasFilter($"\"{nameof(OutgoingDocument.SubjectKey)}\" = ''");
        });
        modelBuilder.Entity<DraftVersion>(e =>
        {
            e.ToTable("doc_outgoing_versions");
            e.HasKey(v => v.Id);
            e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.FileName).HasMaxLength(400);
            e.Property(v => v.UploadedBy).HasMaxLength(256);
            e.Property(v => v.Note).HasMaxLength(2000);
            e.HasOne<OutgoingDocument>().WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.DocumentId, v.Kind, v.Version }).IsUnique();
        });
        modelBuilder.Entity<OutgoingRecipient>(e =>
        {
            e.ToTable("doc_outgoing_recipients");
            e.HasKey(r => r.Id);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Code).HasMaxLength(256);
            e.Property(r => r.Name).HasMaxLength(300);
            e.HasOne<OutgoingDocument>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.DocumentId, r.Kind, r.Code }).IsUnique();
        });
        modelBuilder.Entity<OutgoingHistoryEntry>(e =>
        {
            e.ToTable("doc_outgoing_history");
            e.HasKey(h => h.Id);
            e.Property(h => h.Actor).HasMaxLength(256);
            e.Property(h => h.Action).HasConversion<string>().HasMaxLength(30);
            e.Property(h => h.Comment).HasMaxLength(4000);
            e.HasOne<OutgoingDocument>().WithMany().HasForeignKey(h => h.DocumentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(h => h.DocumentId);
        });
        modelBuilder.Entity<DocumentType>(e =>
        {
            e.ToTable("doc_document_types");
            e.HasKey(t => t.Code);
            e.Property(t => t.Code).HasMaxLength(10);
            e.Property(t => t.Name).HasMaxLength(100);
            e.HasData(DocumentTypeSeed.Types);
        });
        modelBuilder.Entity<AgencyEntry>(e =>
        {
            e.ToTable("doc_agencies");
            e.HasKey(a => a.Code);
            e.Property(a => a.Code).HasMaxLength(20);
            e.Property(a => a.Name).HasMaxLength(300);
        });
        return modelBuilder;
    }
}
