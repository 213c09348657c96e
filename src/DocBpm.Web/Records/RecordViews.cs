using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Records;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Records;

public sealed record PlanRequest(int Year, bool SerialPerHeading);

public sealed record HeadingRequest(string? Title, string? Abbreviation);

/// <summary>Where a heading goes: 1 for I.</summary>
public sealed record MoveRequest(int Ordinal);

public sealed record ApproveRequest(string? Decision);

public sealed record FileDocumentRequest(FiledKind Kind, Guid DocumentId);

public sealed record CloseRequest(bool Permanent, int? RetentionYears, string? Title);

public sealed record HeadingView(Guid Id, int Ordinal, string Numeral, string Title, string Abbreviation);

public sealed record FileSummary(Guid Id, string Code, string Notation, string Title, int Year, string Retention, int? RetentionYears, string? Keeper,
    string? UnitCode, string? Note, RecordFileState State, DateOnly? StartDate, DateOnly? EndDate, int Documents, Guid? HeadingId);

public sealed record FileListView(int Total, int Page, int PageSize, IReadOnlyList<FileSummary> Items);

/// <param name="Waiting">The names of the approval process's steps waiting now (the diagram's, e.g. "Giám đốc phê duyệt danh mục hồ sơ").</param>
/// <param name="ReturnReason">Why the plan was last returned to the office, while it is a draft again.</param>
/// <param name="Revision">The plan's revision as read: every change of the plan sends it back (<c>?revision=</c>) and is refused (409) if it has moved on.</param>
public sealed record PlanView(Guid Id, int Year, FilePlanState State, int Revision, bool SerialPerHeading, string? Decision, string? ApprovedBy, DateTimeOffset? ApprovedAt,
    IReadOnlyList<HeadingView> Headings, IReadOnlyList<FileSummary> Files, int Permanent, int Limited, IReadOnlyList<string>? Waiting = null,
    string? ReturnReason = null);

/// <summary>One document of a file as Phụ lục V lists it: ordinal, number and notation, date, type and subject, author.</summary>
public sealed record FiledView(Guid Id, int Ordinal, FiledKind Kind, Guid DocumentId, string? NumberAndNotation, DateOnly? Date, string TypeName,
    string Subject, string Author, int? Pages, string AddedBy, DateTimeOffset AddedAt);

public sealed record FileView(FileSummary File, IReadOnlyList<FiledView> Documents);

public static class RecordViews
{
    private static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

    public static string Numeral(int ordinal) => ordinal <= Numerals.Length ? Numerals[ordinal - 1] : ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static HeadingView View(FilePlanHeading h) => new(h.Id, h.Ordinal, Numeral(h.Ordinal), h.Title, h.Abbreviation);

    public static FileSummary Summary(this RecordFile f, string organId) =>
        new(f.Id, f.Code(organId), f.Notation, f.Title, f.Year, Retention.Vietnamese(f.RetentionYears), f.RetentionYears, f.Keeper, f.UnitCode, f.Note,
            f.State, f.StartDate, f.EndDate, f.Documents.Count, f.HeadingId);

    public static PlanView View(FilePlan plan, IReadOnlyList<RecordFile> files, string organId, FilePlanReview? review = null) =>
        new(plan.Id, plan.Year, plan.State, plan.Revision, plan.SerialPerHeading, plan.Decision, plan.ApprovedBy, plan.ApprovedAt,
            [.. plan.Headings.OrderBy(h => h.Ordinal).Select(View)],
            [.. files.Select(f => f.Summary(organId))], files.Count(f => f.RetentionYears is null), files.Count(f => f.RetentionYears is not null),
            [.. (review ?? FilePlanReview.None).Waiting.Select(t => t.TaskName ?? t.ElementId)],
            plan.State == FilePlanState.Draft ? review?.ReturnReason : null);

    /// <summary>The file's documents in their order, read from the incoming and outgoing records they point to.</summary>
    public static async Task<FileView> ViewAsync(RecordFile file, string organId, string agencyName, DbContext db, CancellationToken cancellationToken)
    {
        var incomingIds = file.Documents.Where(d => d.Kind == FiledKind.Incoming).Select(d => d.DocumentId).ToList();
        var outgoingIds = file.Documents.Where(d => d.Kind == FiledKind.Outgoing).Select(d => d.DocumentId).ToList();
        var incoming = await db.Set<IncomingDocument>().AsNoTracking().Where(d => incomingIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var outgoing = await db.Set<OutgoingDocument>().AsNoTracking().Where(d => outgoingIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        FiledView View(FiledDocument f) => f.Kind == FiledKind.Incoming && incoming.TryGetValue(f.DocumentId, out var i)
            ? new(f.Id, f.Ordinal, f.Kind, f.DocumentId, $"{i.CodeNumber}/{i.CodeNotation}", i.DocumentDate, i.DocumentType, i.Subject, i.IssuingAgency,
                i.PageCount, f.AddedBy, f.AddedAt)
            : f.Kind == FiledKind.Outgoing && outgoing.TryGetValue(f.DocumentId, out var o)
                ? new(f.Id, f.Ordinal, f.Kind, f.DocumentId, o.NumberAndNotation, o.DocumentDate, o.TypeName, o.Subject, agencyName, o.PageCount,
                    f.AddedBy, f.AddedAt)
                : new(f.Id, f.Ordinal, f.Kind, f.DocumentId, null, null, "", "(văn bản không còn)", "", null, f.AddedBy, f.AddedAt);
        return new FileView(file.Summary(organId), [.. file.Documents.OrderBy(d => d.Ordinal).Select(View)]);
    }
}
