using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tasks;

namespace DocBpm.Web.Instances;

public sealed record StartInstanceRequest(
    string DefinitionKey, int? Version, string? BusinessKey, Dictionary<string, JsonNode?>? Variables);

/// <param name="Tasks">
/// Only in the answer to a start: the user tasks the instance waits on that the person who started it may work on, so
/// that a client working its own tasks needs no look-up (<c>/api/tasks/mine</c>) before completing them.
/// </param>
public sealed record InstanceSummary(
    Guid Id, string DefinitionKey, int DefinitionVersion, string? BusinessKey, InstanceStatus Status,
    DateTimeOffset StartedAt, string? StartedBy, DateTimeOffset? EndedAt, int OpenIncidents, Guid? ParentInstanceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TaskView>? Tasks = null);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public sealed record BookmarkView(
    Guid Id, string Kind, string ElementId, string? TaskName, string? Assignee, string? CandidateUsers,
    string? CandidateGroups, DateTimeOffset? DueAt, DateTimeOffset? TaskDueDate, string? MessageName, string? CorrelationKey,
    int Attempts, string? LastError);

public sealed record JournalView(long Id, DateTimeOffset At, string ElementId, string ElementKind, string Event,
    string? Actor, string? Outcome, string? Detail);

public sealed record IncidentView(Guid Id, Guid InstanceId, Guid? BookmarkId, string ElementId, string Error,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution);

public sealed record InstanceDetail(
    InstanceSummary Instance,
    Guid DefinitionId,
    IReadOnlyList<string> ActiveElements,
    IReadOnlyList<string> PathTaken,
    JsonObject Variables,
    IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyList<JournalView> Journal,
    IReadOnlyList<IncidentView> Incidents,
    IReadOnlyList<InstanceSummary> Children);

public sealed record CancelRequest(string? Reason);

public static class InstanceViews
{
    public static InstanceSummary Summary(InstanceRecord i) => new(i.Id, i.DefinitionKey, i.DefinitionVersion, i.BusinessKey,
        i.Status, i.StartedAt, i.StartedBy, i.EndedAt, i.OpenIncidents, i.ParentInstanceId);

    public static BookmarkView Bookmark(BookmarkRecord b) => new(b.Id, b.Kind.ToString(), b.ElementId, b.TaskName, b.Assignee,
        b.CandidateUsers?.Trim(','), b.CandidateGroups?.Trim(','), b.DueAt, b.TaskDueDate, b.MessageName, b.CorrelationKey,
        b.Attempts, b.LastError);

    public static IncidentView Incident(IncidentRecord i) => new(i.Id, i.InstanceId, i.BookmarkId, i.ElementId, i.Error,
        i.CreatedAt, i.ResolvedAt, i.ResolvedBy, i.Resolution);
}
