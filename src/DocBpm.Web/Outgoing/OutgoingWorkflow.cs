using System.Security.Claims;
using System.Text.Json.Nodes;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Outgoing;

/// <summary>
/// Runs an outgoing document through workflows/outgoing.bpmn: each person's step changes the document and completes
/// the person's task of its instance in one SaveChanges, so a refused step leaves both as they were.
/// </summary>
public sealed class OutgoingWorkflow(OutgoingDrafts drafts, WorkflowRuntime runtime, UserManager<AppUser> users, DbContext db,
    IOptions<OutgoingOptions> options, TimeProvider time)
{
    public const string ProcessKey = "outgoing";

    /// <summary>The person's drafting unit, from the sign-in.</summary>
    public static Drafter DrafterOf(ClaimsPrincipal user) => new(user.Identity?.Name ?? "",
        user.FindFirstValue(UnitClaimsFactory.UnitClaim) ?? throw OutgoingRefusedException.Invalid(
            "Tài khoản chưa thuộc đơn vị nào nên không soạn thảo được văn bản.", "The drafter has no unit."));

    /// <summary>Stores the new document together with the start of its process.</summary>
    public async Task StartAsync(OutgoingDocument document, string actor, CancellationToken cancellationToken)
    {
        var heads = await UnitHeadsAsync(document.DraftingUnit, cancellationToken);
        if (heads.Count == 0)
            throw OutgoingRefusedException.Invalid($"Đơn vị {document.DraftingUnit} chưa có trưởng đơn vị để kiểm duyệt văn bản.",
                $"Unit {document.DraftingUnit} has no unit head.");
        var variables = new Dictionary<string, JsonNode?>
        {
            ["documentId"] = document.Id.ToString(),
            ["drafter"] = document.Drafter,
            ["unitHeads"] = new JsonArray([.. heads.Select(h => JsonValue.Create(h))]),
            ["reviewers"] = new JsonArray(),
            ["priority"] = (int)document.Urgency,
            ["agencyKey"] = options.Value.AgencyKeyId,
        };
        await runtime.StartAsync(new StartRequest(ProcessKey, variables, document.Id.ToString(), actor), cancellationToken);
    }

    /// <summary>Completes the signed-in person's open task at <paramref name="elementId"/> of the document's process.</summary>
    public async Task CompleteAsync(OutgoingDocument document, string elementId, ClaimsPrincipal user,
        Dictionary<string, JsonNode?> variables, CancellationToken cancellationToken)
    {
        var task = await OpenTaskAsync(document, elementId, user, cancellationToken);
        await runtime.CompleteTaskAsync(task.Id, variables, user.ToTaskActor(), cancellationToken);
    }

    /// <summary>The signed-in person's open task at <paramref name="elementId"/>; refused when there is none or it is someone else's.</summary>
    public async Task<BookmarkRecord> OpenTaskAsync(OutgoingDocument document, string elementId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = user.ToTaskActor();
        var key = document.Id.ToString();
        var open = await runtime.Db.Bookmarks.AsNoTracking()
            .Where(b => b.BusinessKey == key && b.DefinitionKey == ProcessKey && b.ElementId == elementId
                && b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active)
            .ToListAsync(cancellationToken);
        return open.FirstOrDefault(t => TaskAccess.MayWork(t, actor)) ?? throw new OutgoingRefusedException(
            open.Count == 0 ? Engine.RefusalKind.Conflict : Engine.RefusalKind.Forbidden,
            open.Count == 0 ? "Văn bản không ở bước này; không có thay đổi nào được lưu." : "Bạn không được giao xử lý bước này của văn bản.",
            $"No open task {elementId} of outgoing document {document.Id} for {actor.UserName}.");
    }

    /// <summary>Who does the final check of the unit's drafts (Article 9.2a).</summary>
    public async Task<List<string>> UnitHeadsAsync(string unitCode, CancellationToken cancellationToken)
    {
        var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, cancellationToken);
        var heads = await users.GetUsersInRoleAsync(Roles.UnitHead);
        return [.. heads.Where(h => unit is not null && h.UnitId == unit.Id).Select(h => h.UserName!).Order(StringComparer.Ordinal)];
    }

    /// <summary>People chosen as recipients must have an unlocked account; their printed name is their full name.</summary>
    public async Task<List<RecipientChoice>> ResolvePeopleAsync(IReadOnlyList<RecipientChoice> choices)
    {
        var resolved = new List<RecipientChoice>();
        foreach (var choice in choices)
        {
            if (choice.Kind != RecipientKind.Person)
            {
                resolved.Add(choice);
                continue;
            }

            var person = await users.FindByNameAsync(choice.Code) ?? throw OutgoingRefusedException.Invalid(
                $"Người nhận '{choice.Code}' không có tài khoản trong hệ thống.", $"Unknown person recipient '{choice.Code}'.");
            if (person.IsLocked(time.GetUtcNow()))
                throw OutgoingRefusedException.Invalid($"Tài khoản của người nhận '{person.FullName}' ({person.UserName}) đang bị khóa nên không nhận được văn bản.",
                    $"Person recipient '{person.UserName}' is locked out.");
            resolved.Add(choice with { Code = person.UserName!, Name = person.FullName });
        }

        return resolved;
    }

    public Task<OutgoingDocument> FindAsync(Guid id, CancellationToken cancellationToken) => drafts.FindAsync(id, cancellationToken);
}
