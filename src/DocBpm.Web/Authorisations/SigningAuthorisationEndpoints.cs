using System.Security.Claims;
using DocBpm.Documents.Authorisations;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Authorisations;

/// <summary>One authorisation as the Director and the admin read it.</summary>
public sealed record AuthorisationView(Guid Id, string UserName, SigningCapacity Capacity, List<string> DocumentTypes, DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil, string? DecisionNumber, DateOnly? DecisionDate, string GrantedBy, DateTimeOffset GrantedAt, string? RevokedBy,
    DateTimeOffset? RevokedAt)
{
    public static AuthorisationView Of(SigningAuthorisation a) => new(a.Id, a.UserName, a.Capacity, a.DocumentTypes, a.ValidFrom, a.ValidUntil,
        a.DecisionNumber, a.DecisionDate, a.GrantedBy, a.GrantedAt, a.RevokedBy, a.RevokedAt);
}

/// <summary>The Director's authorisations to sign TL., TUQ. and TM. (NĐ30 Art. 13): granted and revoked by him or the admin.</summary>
public static class SigningAuthorisationEndpoints
{
    /// <summary>Who grants and revokes: the head of the agency, and the admin who keeps the data for him.</summary>
    public static readonly string[] Grantors = [Roles.Director, Roles.Administrator];

    public static RouteGroupBuilder MapSigningAuthorisations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/signing-authorisations").WithTags("Thẩm quyền ký").RequireAuthorization(p => p.RequireRole(Grantors));
        group.MapGet("/", ListAsync);
        group.MapPost("/", GrantAsync);
        group.MapPost("/{id:guid}/revoke", RevokeAsync);
        return group;
    }

    private static async Task<Ok<List<AuthorisationView>>> ListAsync(SigningAuthorisations authorities, CancellationToken cancellationToken) =>
        TypedResults.Ok((await authorities.ListAsync(cancellationToken)).Select(AuthorisationView.Of).ToList());

    private static async Task<Created<AuthorisationView>> GrantAsync(AuthorisationGrant request, SigningAuthorisations authorities, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var granted = await authorities.GrantAsync(request, user.Identity!.Name!, cancellationToken);
        return TypedResults.Created($"/api/signing-authorisations/{granted.Id}", AuthorisationView.Of(granted));
    }

    private static async Task<Ok<AuthorisationView>> RevokeAsync(Guid id, SigningAuthorisations authorities, ClaimsPrincipal user,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(AuthorisationView.Of(await authorities.RevokeAsync(id, user.Identity!.Name!, cancellationToken)));
}
