using DocBpm.Documents.Registers;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// The lines of an incoming register book (NĐ30 Appendix IV) from the registered documents: column 7 names the main
/// handler the Director chose, column 8 the day of that assignment; a recalled document keeps its line, noted.
/// </summary>
public sealed class IncomingRegisterEntries(DbContext db) : IIncomingRegisterEntries
{
    public async Task<IReadOnlyList<IncomingRegisterEntry>> ListAsync(Guid bookId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = IncomingProcess.DayStart(from);
        var end = IncomingProcess.DayStart(to.AddDays(1));
        var documents = await db.Set<IncomingDocument>().AsNoTracking()
            .Where(d => d.RegisterBookId == bookId && d.IncomingNumber != null && d.ReceivedAt >= start && d.ReceivedAt < end)
            .ToListAsync(cancellationToken);
        var ids = documents.Select(d => d.Id).ToList();
        var mains = (await db.Set<IncomingAssignment>().AsNoTracking()
                .Where(a => ids.Contains(a.DocumentId) && a.ParentId == null && a.Role == HandlingRole.Main).ToListAsync(cancellationToken))
            .ToDictionary(a => a.DocumentId);
        return [.. documents.OrderBy(d => RegisterNumbers.YearOf(d.ReceivedAt)).ThenBy(d => d.IncomingNumber).Select(d =>
        {
            var main = mains.GetValueOrDefault(d.Id);
            return new IncomingRegisterEntry(d.ReceivedAt, d.Urgency >= Urgency.Immediate, d.IncomingNumber!.Value, d.IssuingAgency,
                $"{d.CodeNumber}/{d.CodeNotation}", d.DocumentDate, $"{d.DocumentType}: {d.Subject}", main?.AssigneeName,
                main is null ? null : IncomingProcess.DayOf(main.AssignedAt), null,
                Note(d));
        })];
    }

    private static string? Note(IncomingDocument d) => d.Status switch
    {
        IncomingStatus.Cancelled => "Đã hủy do nơi gửi thu hồi",
        _ => d.Notes,
    };
}
