using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using DocBpm.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Monitor;

/// <summary>What an instance is about, as people name it: the document's number and notation, its summary and its page.</summary>
public sealed record InstanceDocument(Guid InstanceId, string Kind, string Label, string Summary, string Link);

/// <summary>
/// The business behind process instances, for the monitor: an instance of the incoming, outgoing or provincial-task flow
/// is shown by its document instead of a GUID. Instances of other processes have none and are left out of the answer.
/// </summary>
public static class InstanceDocuments
{
    public const int MaxIds = 200;

    public static RouteHandlerBuilder MapInstanceDocuments(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/monitor/instance-documents", ListAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Phiên bản quy trình");

    private static async Task<Results<Ok<List<InstanceDocument>>, ValidationProblem>> ListAsync(
        Guid[]? id, DocBpmDbContext db, CancellationToken cancellationToken)
    {
        var ids = (id ?? []).Distinct().ToList();
        if (ids.Count > MaxIds)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["id"] = [$"Mỗi lần hỏi tối đa {MaxIds} hồ sơ."],
            }, title: "Quá nhiều hồ sơ");
        var instances = await db.Set<InstanceRecord>().AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.DefinitionKey, i.BusinessKey }).ToListAsync(cancellationToken);
        var keyed = instances.Where(i => i.BusinessKey != null).ToList();

        var incomingKeys = Keys(IncomingProcess.DefinitionKey);
        var incomingIds = keyed.Where(i => i.DefinitionKey == IncomingProcess.DefinitionKey).Select(i => i.Id).ToList();
        var incoming = await db.Set<IncomingDocument>().AsNoTracking()
            .Where(d => incomingKeys.Contains(d.ProcessKey) || (d.InstanceId != null && incomingIds.Contains(d.InstanceId.Value)))
            .Select(d => new { d.Id, d.ProcessKey, d.InstanceId, d.CodeNumber, d.CodeNotation, d.Subject })
            .ToListAsync(cancellationToken);

        var outgoingIds = GuidKeys(OutgoingProcess.Key);
        var outgoing = await db.Set<OutgoingDocument>().AsNoTracking().Where(d => outgoingIds.Contains(d.Id))
            .Select(d => new { d.Id, d.NumberAndNotation, d.TypeName, d.Subject }).ToListAsync(cancellationToken);

        var taskIds = GuidKeys(ProvincialTaskProcess.Key);
        var tasks = await db.Set<ProvincialTask>().AsNoTracking().Where(t => taskIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Line, t.Content, t.Document!.Code }).ToListAsync(cancellationToken);

        var found = new List<InstanceDocument>();
        foreach (var instance in keyed)
        {
            var document = instance.DefinitionKey switch
            {
                IncomingProcess.DefinitionKey => incoming
                    .Where(d => d.InstanceId == instance.Id || (d.InstanceId == null && d.ProcessKey == instance.BusinessKey))
                    .Select(d => new InstanceDocument(instance.Id, "Văn bản đến", $"{d.CodeNumber}/{d.CodeNotation}", d.Subject, $"/incoming/{d.Id}"))
                    .FirstOrDefault(),
                OutgoingProcess.Key => outgoing.Where(d => d.Id.ToString() == instance.BusinessKey)
                    .Select(d => new InstanceDocument(instance.Id, "Văn bản đi", d.NumberAndNotation ?? $"Dự thảo {d.TypeName.ToLowerInvariant()}",
                        d.Subject, $"/outgoing/{d.Id}"))
                    .FirstOrDefault(),
                ProvincialTaskProcess.Key => tasks.Where(t => t.Id.ToString() == instance.BusinessKey)
                    .Select(t => new InstanceDocument(instance.Id, "Nhiệm vụ UBND tỉnh giao", $"{t.Code} — nhiệm vụ {t.Line}", t.Content,
                        $"/provincial-tasks/{t.Id}"))
                    .FirstOrDefault(),
                _ => null,
            };
            if (document is not null)
                found.Add(document);
        }

        return TypedResults.Ok(found);

        List<string> Keys(string definitionKey) =>
            [.. keyed.Where(i => i.DefinitionKey == definitionKey).Select(i => i.BusinessKey!)];

        List<Guid> GuidKeys(string definitionKey) =>
            [.. Keys(definitionKey).Select(k => Guid.TryParse(k, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)];
    }
}
