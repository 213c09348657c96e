using DocBpm.Documents.Coordination;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// Coordinating handlers (phối hợp) of an incoming document: each unit or person the Director names gets the process
/// task "Phối hợp xử lý", where they record their opinion for the main handler; the items end with the handling. Each
/// opinion also goes into the document's history.
/// </summary>
public sealed class IncomingCoordination(DbContext db) : ICoordinationJournal, ICoordinatedRecords
{
    public string ProcessKey => IncomingProcess.DefinitionKey;

    public static CoordinationPlace Place(Guid documentId) => new(IncomingProcess.DefinitionKey, documentId, IncomingProcess.Coordinate);

    public async Task<Guid?> OwnInstanceAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var document = await db.Set<IncomingDocument>().AsNoTracking().Where(d => d.Id == subjectId)
            .Select(d => new { d.ProcessKey, d.InstanceId }).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : await OwnInstance.FindAsync(db, ProcessKey, document.ProcessKey, document.InstanceId, cancellationToken);
    }

    public void Record(CoordinationOpinion opinion) =>
        db.Set<IncomingEvent>().Add(new IncomingEvent
        {
            DocumentId = opinion.SubjectId, At = opinion.At, UserName = opinion.UserName, Action = IncomingActions.Coordinated,
            Detail = opinion.Text,
        });
}
