using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;

namespace DocBpm.Documents.Access;

/// <summary>
/// The person asking to see or act on something, as the documents know them: user name, unit and roles. The host builds
/// it from its sign-in; every decision of who sees or acts on what takes one.
/// </summary>
public sealed record Reader(string UserName, string? UnitCode, IReadOnlyCollection<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public bool IsUnitHead => Has(StaffRole.UnitHead);

    public bool IsDeputy => Has(StaffRole.Deputy);

    public bool IsAdministrator => Has(StaffRole.Administrator);

    /// <summary>Follows every item of <paramref name="kind"/> (<see cref="Oversight"/>).</summary>
    public bool Follows(Overseen kind) => Oversight.Follows(Roles, kind);

    /// <summary>
    /// The person in a document's process: candidate by name, role or unit. An administrator is a person like any other
    /// there; only the generic task endpoints of processes without a record of their own let them work any task.
    /// </summary>
    public TaskActor Actor => new(UserName, UnitCode is null ? [.. Roles] : [.. Roles, UnitCode]);

    /// <summary>The actor for the generic task endpoints: an administrator may work any task there.</summary>
    public TaskActor Operator => Actor with { IsAdministrator = IsAdministrator };

    /// <summary>A task of a document's process this person may work: its assignee or one of its candidates.</summary>
    public bool MayWork(BookmarkRecord task) => TaskAccess.MayWork(task, Actor);

    /// <summary>
    /// Who may give a claimed task back to its candidates: the person who claimed it, a head of a unit it is offered to,
    /// or an administrator (someone claimed it and is away: nobody else could take it).
    /// </summary>
    public bool MayRelease(BookmarkRecord task) =>
        string.Equals(task.Assignee, UserName, StringComparison.OrdinalIgnoreCase)
        || IsAdministrator
        || (IsUnitHead && UnitCode is not null && TaskAccess.Decode(task.CandidateGroups).Contains(UnitCode, StringComparer.OrdinalIgnoreCase));
}
