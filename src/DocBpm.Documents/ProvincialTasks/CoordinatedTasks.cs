using DocBpm.Documents.Coordination;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>Task lines take coordination opinions in their own <c>provincial-task</c> instance.</summary>
public sealed class CoordinatedTasks(DbContext db) : ICoordinatedRecords
{
    public string ProcessKey => ProvincialTaskProcess.Key;

    public async Task<Guid?> OwnInstanceAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        var recorded = await db.Set<ProvincialTask>().AsNoTracking().Where(t => t.Id == subjectId).Select(t => t.InstanceId)
            .FirstOrDefaultAsync(cancellationToken);
        return await OwnInstance.FindAsync(db, ProcessKey, subjectId.ToString(), recorded, cancellationToken);
    }
}
