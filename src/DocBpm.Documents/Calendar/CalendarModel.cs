using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Calendar;

public static class CalendarModel
{
    public static ModelBuilder ApplyCalendar(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CalendarDay>(e =>
        {
            e.ToTable("doc_calendar_days");
            e.HasKey(d => d.Date);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.Source).HasMaxLength(400);
        });
        return modelBuilder;
    }
}
