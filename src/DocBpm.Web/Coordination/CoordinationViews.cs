using DocBpm.Documents.Coordination;
using DocBpm.Documents.Files;
using DocBpm.Engine.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Coordination;

public sealed record OpinionView(Guid Id, string? UnitCode, string UserName, DateTimeOffset At, string Text, string? FileName, string? FileUrl);

/// <summary>The opinions given so far, and who (units or people) still has an open coordination item.</summary>
public sealed record CoordinationView(IReadOnlyList<OpinionView> Opinions, IReadOnlyList<string> Waiting);

/// <summary>What the incoming and provincial-task features share about coordination opinions over HTTP and on pages.</summary>
public static class CoordinationViews
{
    /// <param name="fileUrl">Where the feature serves an opinion's file (behind its own access check), from the opinion's id.</param>
    public static async Task<CoordinationView> ViewAsync(this CoordinationOpinions opinions, CoordinationPlace place, Func<Guid, string> fileUrl,
        CancellationToken cancellationToken)
    {
        var given = await opinions.ListAsync(place.ProcessKey, place.SubjectId, cancellationToken);
        var open = await opinions.OpenItemsAsync(place, cancellationToken);
        return new CoordinationView([.. given.Select(o => o.View(fileUrl))],
            [.. open.SelectMany(b => TaskAccess.Decode(b.CandidateGroups).Concat(TaskAccess.Decode(b.CandidateUsers))).Order(StringComparer.Ordinal)]);
    }

    public static OpinionView View(this CoordinationOpinion o, Func<Guid, string> fileUrl) =>
        new(o.Id, o.UnitCode, o.UserName, o.At, o.Text, o.FileName, o.FileId is null ? null : fileUrl(o.Id));

    /// <summary>An uploaded file as the domain takes it (its format is checked by the file store, by content).</summary>
    public static async Task<OpinionFile?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
            return null;
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new OpinionFile(Path.GetFileName(file.FileName), file.ContentType, buffer.ToArray());
    }

    /// <summary>An opinion's file, checked against its SHA-256 by the file store; 404 unless it belongs to the subject.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(CoordinationOpinions opinions, FileStore files, string processKey,
        Guid subjectId, Guid opinionId, CancellationToken cancellationToken)
    {
        var opinion = (await opinions.ListAsync(processKey, subjectId, cancellationToken)).FirstOrDefault(o => o.Id == opinionId);
        if (opinion?.FileId is not { } fileId)
            return TypedResults.NotFound();
        var file = await files.ReadAsync(fileId, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.Name);
    }
}
