using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Documents.Coordination;
using DocBpm.Documents.Files;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.Accounts;
using DocBpm.Web.Coordination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using DocBpm.Web.Idempotency;

namespace DocBpm.Web.ProvincialTasks;

public sealed record CoordinatorsRequest(List<string>? CoordinatingUnits);

/// <summary>Coordinating units of a provincial task: their opinions (text and an optional file), and the Director's change of units.</summary>
public static class ProvincialCoordinationEndpoints
{
    public static RouteGroupBuilder MapProvincialCoordination(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/provincial-tasks/{id:guid}").WithTags("Nhiệm vụ UBND tỉnh giao");
        group.MapGet("/coordination", CoordinationAsync);
        group.MapPost("/opinions", GiveAsync).DisableAntiforgery().Idempotent();
        group.MapGet("/opinions/{opinionId:guid}/file", FileAsync);
        group.MapPost("/coordinating-units", ChangeAsync).RequireAuthorization(p => p.RequireRole(Roles.Director, Roles.Deputy));
        return group;
    }

    public static string FileUrl(Guid taskId, Guid opinionId) => $"/api/provincial-tasks/{taskId}/opinions/{opinionId}/file";

    private static async Task<Ok<CoordinationView>> CoordinationAsync(Guid id, CoordinationOpinions opinions, DbContext db, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await db.EnsureReadableAsync(id, user.ToReader(), cancellationToken);
        return TypedResults.Ok(await opinions.ViewAsync(ProvincialCoordination.Place(id), o => FileUrl(id, o), cancellationToken));
    }

    /// <summary>Someone of a coordinating unit gives the unit's opinion: form fields <c>text</c> and, optionally, <c>file</c>.</summary>
    private static async Task<Created<OpinionView>> GiveAsync(Guid id, [FromForm] string? text, IFormFile? file, ProvincialCoordination coordination,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var opinion = await coordination.GiveOpinionAsync(id, text, await CoordinationViews.ReadAsync(file, cancellationToken), user.ToTaskActor(),
            cancellationToken);
        return TypedResults.Created($"/api/provincial-tasks/{id}/coordination", opinion.View(o => FileUrl(id, o)));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(Guid id, Guid opinionId, CoordinationOpinions opinions, FileStore files,
        DbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await db.EnsureReadableAsync(id, user.ToReader(), cancellationToken);
        return await CoordinationViews.FileAsync(opinions, files, ProvincialTaskProcess.Key, id, opinionId, cancellationToken);
    }

    private static async Task<NoContent> ChangeAsync(Guid id, CoordinatorsRequest request, ProvincialCoordination coordination, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        await coordination.ChangeCoordinatorsAsync(id, [.. (request.CoordinatingUnits ?? []).Select(c => c.Trim()).Where(c => c.Length > 0)],
            user.ToTaskActor(), cancellationToken);
        return TypedResults.NoContent();
    }
}
