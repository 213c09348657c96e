using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.IncidentReports;

public static class IncidentReportModel
{
    public static ModelBuilder ApplyIncidentReports(this ModelBuilder builder)
    {
        builder.Entity<IncidentReport>(e =>
        {
            e.ToTable("doc_incident_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.ReportedBy).HasMaxLength(256);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Description).HasMaxLength(IncidentReport.TextLength);
            e.Property(x => x.ClosedBy).HasMaxLength(256);
            e.Property(x => x.ClosingNote).HasMaxLength(IncidentReport.TextLength);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.ReportedBy, x.ReportedAt });
            e.HasIndex(x => x.ClosedAt);
        });
        return builder;
    }
}
