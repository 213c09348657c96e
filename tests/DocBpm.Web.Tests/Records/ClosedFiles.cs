using DocBpm.Documents.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Records;

/// <summary>Record files stored as the keeper leaves them, so that a handover test starts on the day it needs.</summary>
internal static class ClosedFiles
{
    private static int serial;

    /// <summary>
    /// A file of <paramref name="unit"/> with one incoming document (<paramref name="incoming"/>, or an id of none), closed
    /// on <paramref name="endDate"/> three months after it was opened; <paramref name="state"/> leaves it open or planned instead.
    /// </summary>
    public static async Task<Guid> AddAsync(DocBpmWebFactory host, string keeper, int? retentionYears, DateOnly endDate,
        string title = "Hồ sơ tuyển dụng viên chức", Guid? incoming = null, string unit = "GDTrH", Guid? planId = null,
        RecordFileState state = RecordFileState.Closed)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var id = Guid.CreateVersion7();
        var file = new RecordFile
        {
            Id = id, PlanId = planId, Year = endDate.Year, Notation = $"{Interlocked.Increment(ref serial):00}.HO", Title = title, RetentionYears = retentionYears,
            Keeper = keeper, UnitCode = unit, State = state, StartDate = state == RecordFileState.Planned ? null : endDate.AddMonths(-3),
            EndDate = state == RecordFileState.Closed ? endDate : null,
        };
        if (state != RecordFileState.Planned)
            file.Documents.Add(new FiledDocument
            {
                Id = Guid.CreateVersion7(), FileId = id, Kind = FiledKind.Incoming, DocumentId = incoming ?? Guid.NewGuid(), Ordinal = 1, AddedBy = keeper,
                AddedAt = endDate.AddMonths(-1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            });
        db.Add(file);
        await db.SaveChangesAsync();
        return id;
    }
}
