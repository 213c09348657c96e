using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Documents.Coordination;
using DocBpm.Documents.Files;
using DocBpm.Documents.Incoming;
using DocBpm.Web.Accounts;
using DocBpm.Web.Coordination;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using DocBpm.Web.Idempotency;

namespace DocBpm.Web.Incoming;

/// <summary>Coordinating handlers' opinions on an incoming document ("Phối hợp xử lý"), for whoever may see the document.</summary>
public static class IncomingCoordinationEndpoints
{
    public static RouteGroupBuilder MapIncomingCoordination(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/incoming/{id:guid}").WithTags("Văn bản đến");
        group.MapGet("/coordination", CoordinationAsync);
        group.MapPost("/opinions", GiveAsync).DisableAntiforgery().Idempotent();
        group.MapGet("/opinions/{opinionId:guid}/file", FileAsync);
        return group;
    }

    public static string FileUrl(Guid documentId, Guid opinionId) => $"/api/incoming/{documentId}/opinions/{opinionId}/file";

    private static async Task<Results<Ok<CoordinationView>, NotFound>> CoordinationAsync(Guid id, ClaimsPrincipal user, IncomingQueries queries,
        CoordinationOpinions opinions, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, user.ToReader(), cancellationToken) is { } document
            ? TypedResults.Ok(await opinions.ViewAsync(IncomingCoordination.Place(id), o => FileUrl(id, o), cancellationToken))
            : TypedResults.NotFound();

    /// <summary>A coordinating handler records an opinion: form fields <c>text</c> and, optionally, <c>file</c>.</summary>
    private static async Task<Results<Created<OpinionView>, NotFound>> GiveAsync(Guid id, [FromForm] string? text, IFormFile? file,
        ClaimsPrincipal user, IncomingQueries queries, CoordinationOpinions opinions, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, user.ToReader(), cancellationToken) is not { } document)
            return TypedResults.NotFound();
        var opinion = await opinions.GiveAsync(IncomingCoordination.Place(id), text, await CoordinationViews.ReadAsync(file, cancellationToken),
            user.ToTaskActor(), cancellationToken);
        return TypedResults.Created($"/api/incoming/{id}/coordination", opinion.View(o => FileUrl(id, o)));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(Guid id, Guid opinionId, ClaimsPrincipal user, IncomingQueries queries,
        CoordinationOpinions opinions, FileStore files, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, user.ToReader(), cancellationToken) is null
            ? TypedResults.NotFound()
            : await CoordinationViews.FileAsync(opinions, files, IncomingProcess.DefinitionKey, id, opinionId, cancellationToken);
}
