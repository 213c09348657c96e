using DocBpm.Documents.Incoming;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// Completing the incoming document that carries provincial tasks closes the task document: refused while one of its
/// tasks is still being handled (Article 12.1b), otherwise the task document is closed in the same step.
/// </summary>
public sealed class TaskDocumentClosing(DbContext db) : IIncomingCompletionRule
{
    public async Task ApplyAsync(IncomingDocument document, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (document.ReceivedDocumentId is not { } received)
            return;
        var carried = await db.Set<TaskDocument>().Include(d => d.Tasks)
            .Where(d => d.ReceivedDocumentId == received && d.ClosedAt == null).ToListAsync(cancellationToken);
        foreach (var taskDocument in carried)
            taskDocument.Close(by, at);
    }
}
