using System.Security.Claims;
using DocBpm.Engine;
using DocBpm.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.IncidentReports;

/// <summary>One report as its reader sees it.</summary>
public sealed record IncidentReportView(Guid Id, string ReportedBy, DateTimeOffset ReportedAt, IncidentKind Kind, string Description, bool Open,
    DateTimeOffset? ClosedAt, string? ClosedBy, string? ClosingNote)
{
    public static IncidentReportView Of(IncidentReport r) =>
        new(r.Id, r.ReportedBy, r.ReportedAt, r.Kind, r.Description, r.IsOpen, r.ClosedAt, r.ClosedBy, r.ClosingNote);
}

/// <summary>Article 16.1 reports: anyone signed in reports; the office chief and the admin (Article 16.3) see and close them.</summary>
public sealed partial class IncidentReportDesk(DbContext db, TimeProvider time, ILogger<IncidentReportDesk> logger)
{
    private const string Title = "Không gửi được báo cáo sự cố";

    /// <summary>Who receives the reports: "Văn phòng Sở" (its chief) and the IT admin who fixes or escalates them.</summary>
    public static bool Handles(ClaimsPrincipal user) => user.IsInRole(Roles.OfficeChief) || user.IsInRole(Roles.Administrator);

    public async Task<IncidentReport> ReportAsync(string userName, IncidentKind kind, string? description, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(kind))
            throw new RefusedException(RefusalKind.Invalid, Title, "Hãy chọn loại sự cố: tài khoản hoặc hệ thống.", $"Unknown kind {kind}.");
        if (string.IsNullOrWhiteSpace(description) || description.Length > IncidentReport.TextLength)
            throw new RefusedException(RefusalKind.Invalid, Title, $"Hãy mô tả sự cố (1 đến {IncidentReport.TextLength} ký tự).", "Empty or long description.");
        var report = new IncidentReport
        {
            Id = Guid.CreateVersion7(),
            ReportedBy = userName,
            ReportedAt = time.GetUtcNow(),
            Kind = kind,
            Description = description.Trim(),
        };
        db.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        LogReported(report.Id, userName, kind);
        return report;
    }

    public Task<List<IncidentReport>> MineAsync(string userName, CancellationToken cancellationToken) =>
        db.Set<IncidentReport>().AsNoTracking().Where(r => r.ReportedBy == userName).OrderByDescending(r => r.ReportedAt).Take(200)
            .ToListAsync(cancellationToken);

    /// <summary>For those who handle them: open reports first (oldest first), then the latest closed ones.</summary>
    public async Task<List<IncidentReport>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var query = db.Set<IncidentReport>().AsNoTracking();
        if (openOnly)
            query = query.Where(r => r.ClosedAt == null);
        var rows = await query.OrderByDescending(r => r.ReportedAt).Take(500).ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.IsOpen).OrderBy(r => r.ReportedAt), .. rows.Where(r => !r.IsOpen)];
    }

    public async Task<IncidentReport> CloseAsync(Guid id, string? note, string by, CancellationToken cancellationToken)
    {
        var report = await db.Set<IncidentReport>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new RefusedException(RefusalKind.NotFound, "Không đóng được báo cáo sự cố", "Không có báo cáo sự cố này.", $"No incident report {id}.");
        report.Close(by, note, time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogLostRace(id, by);
            throw new RefusedException(RefusalKind.Conflict, "Không đóng được báo cáo sự cố", "Báo cáo vừa được người khác xử lý; hãy tải lại trang.",
                $"Incident report {id} changed meanwhile.");
        }

        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident report {Id} by {UserName}: {Kind}")]
    private partial void LogReported(Guid id, string userName, IncidentKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident report {Id}: {UserName} lost the race to close it")]
    private partial void LogLostRace(Guid id, string userName);
}
