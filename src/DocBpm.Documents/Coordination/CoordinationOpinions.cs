using DocBpm.Documents.Files;
using DocBpm.Documents.Organisation;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Coordination;

/// <summary>Where the coordination items of one record wait: its process, the record and the user task.</summary>
public sealed record CoordinationPlace(string ProcessKey, Guid SubjectId, string ElementId);

public sealed record OpinionFile(string Name, string? ContentType, byte[] Content);

/// <summary>
/// Coordinating units and people (phối hợp) give their opinion on their own work item: the opinion is stored and the item
/// completed in one SaveChanges, so a refused opinion stores nothing. The main handler is never waited for nor blocked.
/// </summary>
public sealed class CoordinationOpinions(DbContext db, WorkflowRuntime runtime, FileStore files, IPeopleDirectory people, TimeProvider time,
    IEnumerable<ICoordinationJournal> journals, IEnumerable<ICoordinatedRecords> records)
{
    public const int MaxLength = 4000;

    /// <summary>
    /// The open coordination item offered to <paramref name="actor"/>, if any. An administrator's power to complete any
    /// task does not count: an opinion speaks for the unit or person it was asked of.
    /// </summary>
    public async Task<BookmarkRecord?> OpenItemAsync(CoordinationPlace place, TaskActor actor, CancellationToken cancellationToken)
    {
        var open = await OpenItemsAsync(place, cancellationToken);
        var asked = actor with { IsAdministrator = false };
        return open.FirstOrDefault(b => TaskAccess.MayWork(b, asked));
    }

    /// <summary>The coordination items of the record's own instance still waiting for an opinion.</summary>
    public async Task<List<BookmarkRecord>> OpenItemsAsync(CoordinationPlace place, CancellationToken cancellationToken)
    {
        var own = await records.Single(r => r.ProcessKey == place.ProcessKey).OwnInstanceAsync(place.SubjectId, cancellationToken);
        return await OwnInstance.OpenTasks(db, own, place.ElementId).ToListAsync(cancellationToken);
    }

    public Task<List<CoordinationOpinion>> ListAsync(string processKey, Guid subjectId, CancellationToken cancellationToken) =>
        db.Set<CoordinationOpinion>().AsNoTracking().Where(o => o.ProcessKey == processKey && o.SubjectId == subjectId)
            .OrderBy(o => o.At).ThenBy(o => o.Id).ToListAsync(cancellationToken);

    public async Task<CoordinationOpinion> GiveAsync(CoordinationPlace place, string? text, OpinionFile? file, TaskActor actor,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxLength)
            throw new CoordinationRefusedException(RefusalKind.Invalid, $"Cần ghi nội dung ý kiến phối hợp (không quá {MaxLength} ký tự).",
                "A coordination opinion needs a text of at most 4000 characters.");
        var item = await OpenItemAsync(place, actor, cancellationToken)
            ?? throw new CoordinationRefusedException(RefusalKind.Conflict,
                "Bạn không có việc phối hợp đang chờ ý kiến ở đây: đơn vị đã cho ý kiến, không được giao phối hợp, hoặc việc xử lý đã kết thúc.",
                $"{actor.UserName} has no open {place.ElementId} item on {place.ProcessKey} {place.SubjectId}.");
        var stored = file is null ? null : files.Add(file.Name, file.ContentType, file.Content);
        var opinion = new CoordinationOpinion
        {
            Id = Guid.CreateVersion7(),
            ProcessKey = place.ProcessKey,
            SubjectId = place.SubjectId,
            // An item offered to a unit names it; one offered to people answers for the person's unit.
            UnitCode = TaskAccess.Decode(item.CandidateGroups).FirstOrDefault() ?? (await people.FindAsync(actor.UserName, cancellationToken))?.UnitCode,
            UserName = actor.UserName,
            At = time.GetUtcNow(),
            Text = text.Trim(),
            FileId = stored?.Id,
            FileName = stored?.Name,
        };
        db.Set<CoordinationOpinion>().Add(opinion);
        foreach (var journal in journals.Where(j => j.ProcessKey == place.ProcessKey))
            journal.Record(opinion);
        await runtime.CompleteTaskAsync(item.Id, null, actor, cancellationToken);
        return opinion;
    }
}
