using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

public static class ProvincialTaskModel
{
    public static ModelBuilder ApplyProvincialTasks(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TaskDocument>(e =>
        {
            e.ToTable("prov_task_documents");
            e.HasKey(d => d.Id);
            e.Property(d => d.Code).HasMaxLength(100);
            e.Property(d => d.Subject).HasMaxLength(2000);
            e.Property(d => d.RecordedBy).HasMaxLength(256);
            e.Property(d => d.IssuingBody).HasMaxLength(TaskDocument.IssuingBodyMaxLength);
            e.Property(d => d.ClosedBy).HasMaxLength(256);
            e.Ignore(d => d.IsClosed);
            e.HasIndex(d => d.ReceivedDocumentId);
            e.HasMany(d => d.Tasks).WithOne(t => t.Document).HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ProvincialTask>(e =>
        {
            e.ToTable("prov_tasks");
            e.HasKey(t => t.Id);
            e.Property(t => t.Content).HasMaxLength(4000);
            e.Property(t => t.Stage).HasConversion<string>().HasMaxLength(30);
            e.Property(t => t.Extension).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Note).HasMaxLength(2000);
            e.Property(t => t.MainUnit).HasMaxLength(30);
            e.Property(t => t.CoordinatingUnits).HasMaxLength(500);
            e.Property(t => t.Handler).HasMaxLength(256);
            e.Property(t => t.ProposedUnit).HasMaxLength(30);
            e.Property(t => t.ProposedHandler).HasMaxLength(256);
            e.Property(t => t.ReplyDocumentId).HasMaxLength(300);
            e.Property(t => t.ExtensionLetterId).HasMaxLength(300);
            e.Ignore(t => t.IsOpen);
            e.Ignore(t => t.IsBeingHandled);
            e.Ignore(t => t.Coordinators);
            e.HasIndex(t => new { t.DocumentId, t.Line }).IsUnique();
            e.HasIndex(t => t.ReplyOutgoingId);
            e.HasIndex(t => t.ReplyDocumentId);
            e.HasIndex(t => t.ExtensionLetterId);
            e.HasIndex(t => t.Deadline);
            e.HasIndex(t => t.MainUnit);
            e.HasIndex(t => t.Handler);
            // Owned: loaded with its task wherever the task is, so a rule that changes the units always sees the rows.
            e.OwnsMany(t => t.CoordinatorRows, c =>
            {
                c.ToTable("prov_task_coordinators");
                c.WithOwner().HasForeignKey(r => r.TaskId);
                c.HasKey(r => new { r.TaskId, r.UnitCode });
                c.Property(r => r.UnitCode).HasMaxLength(30);
                c.HasIndex(r => new { r.UnitCode, r.TaskId });
            });
        });
        return modelBuilder;
    }
}
