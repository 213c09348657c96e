using System.Security.Claims;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.Accounts;
using DocBpm.Web.ProvincialTasks;

namespace DocBpm.Web.Incoming;

/// <summary>
/// Who sees which incoming documents, in one place. The Director, the deputies (Ban Giám đốc: they are offered the
/// Director's step and oversee the units), the clerks and the office chief see every document; a unit head sees what is
/// assigned to the unit or to one of its people; everyone else sees what is assigned to them personally. Whoever works on
/// a provincial task (Article 12) also reads the document that carries it. IT admins and business analysts see
/// documents only when assigned, like everyone else.
/// </summary>
public sealed record IncomingAccess(string UserName, string? UnitCode, bool SeesAll, bool IsUnitHead, bool IsDeputy)
{
    public const string ClerkPolicy = "IncomingClerk";
    public const string DirectorPolicy = "IncomingDirector";
    public const string ReassignPolicy = "IncomingReassign";

    public static IncomingAccess Of(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.FindFirstValue(UnitClaimsFactory.UnitClaim),
        user.IsInRole(Roles.Director) || user.IsInRole(Roles.Deputy) || user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.OfficeChief),
        user.IsInRole(Roles.UnitHead),
        user.IsInRole(Roles.Deputy));

    public static IServiceCollection AddIncomingPolicies(IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(ClerkPolicy, p => p.RequireRole(Roles.Clerk))
            .AddPolicy(DirectorPolicy, p => p.RequireRole(Roles.Director, Roles.Deputy))
            .AddPolicy(ReassignPolicy, p => p.RequireRole(Roles.Deputy, Roles.UnitHead));
        return services;
    }

    /// <param name="tasks">
    /// The provincial tasks: whoever reads a task (<see cref="TaskVisibility"/>: its handler, the people of the units that
    /// lead or coordinate it) also reads the document carrying it, which the task page links.
    /// </param>
    public IQueryable<IncomingDocument> Visible(IQueryable<IncomingDocument> documents, IQueryable<IncomingAssignment> assignments,
        IQueryable<ProvincialTask> tasks)
    {
        if (SeesAll)
            return documents;
        var me = UserName;
        var unit = IsUnitHead ? UnitCode : null;
        var carriers = tasks.Involving(me, UnitCode).Select(t => t.Document!.ReceivedDocumentId);
        return documents.Where(d => assignments.Any(a => a.DocumentId == d.Id
                && ((a.Kind == AssigneeKind.Person && a.Assignee == me) || (unit != null && a.UnitCode == unit)))
            || (d.ReceivedDocumentId != null && carriers.Contains(d.ReceivedDocumentId)));
    }
}
