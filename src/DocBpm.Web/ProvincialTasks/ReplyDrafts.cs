using System.Security.Claims;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.Accounts;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>What the main handler enters for "khởi tạo văn bản đi" at "Văn bản trả lời" of a task.</summary>
public sealed record ReplyDraftRequest(string TypeCode, string Subject, List<RecipientChoice>? Recipients, Urgency Urgency = Urgency.Normal);

/// <summary>The task's reply as one step, the same for the API and the task page.</summary>
public static class ReplyDrafts
{
    /// <summary>Creates the outgoing draft replying to the task document and links it to the task; a refusal stores neither.</summary>
    public static Task<Guid> StartReplyDraftAsync(this ProvincialTaskFlow flow, OutgoingFlow steps, Guid taskId, ReplyDraftRequest request,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        flow.StartReplyAsync(taskId, (carrier, ct) => steps.CreateAsync(
                new NewDraft(request.TypeCode, request.Subject, request.Urgency, InReplyTo: carrier, Recipients: request.Recipients ?? []), user.ToTaskActor(), ct),
            user.ToTaskActor(), cancellationToken);
}
