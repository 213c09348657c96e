using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Notifications;

/// <summary>What a notification tells a person; the stored name is the member's name.</summary>
public enum NotificationKind
{
    /// <summary>New work in their inbox: a task offered or assigned to them.</summary>
    NewWork,

    /// <summary>Their draft came back to them with a reason (Article 9: a return).</summary>
    Returned,

    /// <summary>Asked for their opinion on a document or task being handled by someone else.</summary>
    CoordinationRequest,

    /// <summary>A task of theirs is due within the configured working days ("sắp đến hạn").</summary>
    DeadlineSoon,

    /// <summary>A task of theirs passed its deadline.</summary>
    DeadlinePassed,

    /// <summary>A step of a document they drafted or must sign failed and became an incident.</summary>
    Incident,

    /// <summary>A closed file they keep falls due for the agency archive within the warning days (NĐ30 Phụ lục VI I.III.8).</summary>
    HandoverDue,
}

/// <summary>
/// One event for one person. (<see cref="UserName"/>, <see cref="Kind"/>, <see cref="SourceId"/>) is unique: the task or
/// incident it is about raises it once, however often the sweep that finds it runs.
/// </summary>
public sealed class Notification
{
    public const int TextLength = 1000;
    public const int LinkLength = 300;

    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The task (bookmark), incident, or file due date (<see cref="Documents.Records.DueFile.WarningSource"/>) the event is about.</summary>
    public Guid SourceId { get; set; }

    public required string Text { get; set; }

    /// <summary>The page to open: the document, the provincial task, or the inbox.</summary>
    public required string Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When the e-mail went out; null while it is to be sent (or when no SMTP server is configured).</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    public int EmailAttempts { get; set; }

    /// <summary>Earliest time of the next e-mail attempt after a failure (back-off).</summary>
    public DateTimeOffset? EmailRetryAt { get; set; }
}

public static class NotificationModel
{
    public static ModelBuilder ApplyNotifications(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("doc_notifications");
            e.Property(n => n.UserName).HasMaxLength(256);
            e.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(n => n.Text).HasMaxLength(Notification.TextLength);
            e.Property(n => n.Link).HasMaxLength(Notification.LinkLength);
            e.HasIndex(n => new { n.UserName, n.Kind, n.SourceId }).IsUnique();
            e.HasIndex(n => new { n.SourceId, n.Kind });
            e.HasIndex(n => new { n.UserName, n.ReadAt, n.CreatedAt });
            e.HasIndex(n => new { n.EmailedAt, n.EmailRetryAt });
        });
        return modelBuilder;
    }
}
