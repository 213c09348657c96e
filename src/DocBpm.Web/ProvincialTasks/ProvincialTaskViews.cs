using DocBpm.Documents.ProvincialTasks;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>A line to record; <c>MainUnit</c> and <c>Handler</c> are the clerk's suggestion, which the Director and the unit head decide on.</summary>
public sealed record TaskLineRequest(string Content, DateTimeOffset Deadline, string? MainUnit = null, string? Handler = null);

public sealed record RecordTaskDocumentRequest(Guid? ReceivedDocumentId, string? Code, string? Subject, List<TaskLineRequest>? Lines,
    DateOnly? DocumentDate = null, string? IssuingBody = null);

public sealed record ReconcileRequest(ReconcileDecision Decision, string? Note, string? Content, DateTimeOffset? Deadline);

public sealed record AssignRequest(string MainUnit, List<string>? CoordinatingUnits);

public sealed record HandlerRequest(string UserName);

public sealed record ExtensionRequest(string LetterDocumentId, DateTimeOffset RequestedDeadline);

public sealed record ProvincialTaskView(
    Guid Id, Guid DocumentId, string DocumentCode, string DocumentSubject, int Line, string Content,
    DateTimeOffset Deadline, DateTimeOffset OriginalDeadline, TaskStage Stage, string StageName,
    ProvincialTaskStatus Status, string StatusName, ReportColumn Column, string? MainUnit, IReadOnlyList<string> CoordinatingUnits,
    string? Handler, DateTimeOffset? CompletedAt, DateTimeOffset? ApprovedAt, int Rejections, ExtensionState Extension,
    DateTimeOffset? RequestedDeadline, string? Note, bool DocumentClosed, string? ProposedUnit, string? ProposedHandler);

/// <summary>A task document; <c>IncomingDocumentId</c> is the registered incoming document whose "Văn bản trả lời" starts replies.</summary>
public sealed record TaskDocumentView(Guid Id, Guid? ReceivedDocumentId, Guid? IncomingDocumentId, string Code, string Subject, DateTimeOffset RecordedAt,
    DateTimeOffset? ClosedAt, string? ClosedBy, IReadOnlyList<ProvincialTaskView> Tasks, DateOnly? DocumentDate, string? IssuingBody);

public static class ProvincialTaskViews
{
    public static ProvincialTaskView View(this ProvincialTask t, TaskStanding standing, DateTimeOffset now)
    {
        var status = standing.Classify(t, now);
        return new ProvincialTaskView(t.Id, t.DocumentId, t.Document!.Code, t.Document.Subject, t.Line, t.Content, t.Deadline,
            t.OriginalDeadline, t.Stage, t.Stage.Vietnamese(), status, status.Vietnamese(), TaskStanding.Column(status), t.MainUnit,
            t.Coordinators, t.Handler, t.CompletedAt, t.ApprovedAt, t.Rejections, t.Extension, t.RequestedDeadline, t.Note,
            t.Document.IsClosed, t.ProposedUnit, t.ProposedHandler);
    }

    public static TaskDocumentView View(this TaskDocument d, TaskStanding standing, DateTimeOffset now, Guid? incomingDocumentId) =>
        new(d.Id, d.ReceivedDocumentId, incomingDocumentId, d.Code, d.Subject, d.RecordedAt, d.ClosedAt, d.ClosedBy,
            [.. d.Tasks.OrderBy(t => t.Line).Select(t => t.View(standing, now))], d.DocumentDate, d.IssuingBody);
}
