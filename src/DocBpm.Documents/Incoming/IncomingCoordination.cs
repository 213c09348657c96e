using DocBpm.Documents.Coordination;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// Coordinating handlers (phối hợp) of an incoming document: each unit or person the Director names gets the process
/// task "Phối hợp xử lý", where they record their opinion for the main handler; the items end with the handling. Each
/// opinion also goes into the document's history.
/// </summary>
public sealed class IncomingCoordination(DbContext db) : ICoordinationJournal
{
    public string ProcessKey => IncomingProcess.DefinitionKey;

    /// <param name="processKey">The document's <see cref="IncomingDocument.ProcessKey"/>, its process instance's business key.</param>
    public static CoordinationPlace Place(Guid documentId, string processKey) =>
        new(IncomingProcess.DefinitionKey, documentId, processKey, IncomingProcess.Coordinate);

    public void Record(CoordinationOpinion opinion) =>
        db.Set<IncomingEvent>().Add(new IncomingEvent
        {
            DocumentId = opinion.SubjectId, At = opinion.At, UserName = opinion.UserName, Action = IncomingActions.Coordinated,
            Detail = opinion.Text,
        });
}
