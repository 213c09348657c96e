using System.Security.Claims;
using System.Text.Json.Nodes;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using DocBpm.Web.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Messages;

public sealed record CorrelateRequest(
    string MessageName, string? CorrelationKey, Dictionary<string, JsonNode?>? Variables, string? IdempotencyKey,
    string? BusinessKey, bool All = false);

public sealed record SignalBody(string SignalName, Dictionary<string, JsonNode?>? Variables);

public static class MessageEndpoints
{
    public static RouteGroupBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/messages").WithTags("Thông điệp").RequireAuthorization(Policies.Integration);
        group.MapPost("/", CorrelateAsync);
        app.MapPost("/api/signals", SignalAsync).WithTags("Thông điệp").RequireAuthorization(Policies.Integration);
        return group;
    }

    /// <summary>Broadcasts a signal to every instance waiting for it and starts the processes that begin with it.</summary>
    private static async Task<Results<Ok<SignalResult>, ValidationProblem>> SignalAsync(
        SignalBody request, ClaimsPrincipal user, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SignalName))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["signalName"] = ["Tên tín hiệu là bắt buộc."] });
        return TypedResults.Ok(await runtime.SignalAsync(
            new SignalRequest(request.SignalName, request.Variables, user.Identity?.Name), cancellationToken));
    }

    private static async Task<Results<Ok<CorrelationResult>, ValidationProblem, ProblemHttpResult>> CorrelateAsync(
        CorrelateRequest request, ClaimsPrincipal user, WorkflowRuntime runtime, DocumentFlows flows, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.MessageName))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["messageName"] = ["Tên thông điệp là bắt buộc."] });
        if (flows.OwnsMessage(request.MessageName))
            return DocumentFlows.Refused($"Thông điệp '{request.MessageName}'");
        var result = await runtime.CorrelateAsync(new MessageRequest(request.MessageName, request.CorrelationKey,
            request.Variables, request.IdempotencyKey, user.Identity?.Name, request.BusinessKey,
            request.All), cancellationToken);
        if (result.Kind == CorrelationKind.NotCorrelated)
            return TypedResults.Problem(
                $"Không có quy trình nào đang chờ thông điệp '{request.MessageName}' với khóa '{request.CorrelationKey}'.",
                statusCode: StatusCodes.Status404NotFound, title: "Thông điệp không khớp quy trình nào");
        return TypedResults.Ok(result);
    }
}
