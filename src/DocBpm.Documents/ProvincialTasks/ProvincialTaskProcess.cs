using DocBpm.Documents.Exchange;
using DocBpm.Engine.Model;

namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// The names workflows/provincial-task.bpmn and this code share: the user tasks the task actions complete, the messages
/// they send and the variables they pass. The deploy refuses a version of the key that lacks one of them.
/// </summary>
public static class ProvincialTaskProcess
{
    public const string Key = "provincial-task";

    public const string Reconcile = "Reconcile";
    public const string DirectorAssigns = "DirectorAssigns";
    public const string UnitHeadAssigns = "UnitHeadAssigns";
    public const string HandlerReplies = "HandlerReplies";
    public const string Coordinate = "Coordinate";

    public const string ReplyIssuedMessage = "provincial-reply-issued";
    public const string ExtensionMessage = "provincial-extension-request";
    public const string CoordinationChangedMessage = "provincial-coordination-changed";

    public static ProcessContract Contract { get; } = new(Key)
    {
        UserTasks = [Reconcile, DirectorAssigns, UnitHeadAssigns, HandlerReplies, Coordinate],
        Messages = [ReplyIssuedMessage, ExtensionMessage, CoordinationChangedMessage, IntakeService.StatusReceived],
        Variables = ["taskId", "receivedDocumentId", "line", "deadline", "reminderAt", "reconciliation", "mainUnit", "unitHead", "handler",
            "replyOutgoingId", "replyDocumentId", "letterDocumentId", "requestedDeadline", "extensionLetterId", "exchangeStatus", "exchangeNote"],
        ActivityTypes = ["ProvincialTaskEvent", "ProvincialPendingCoordinators", "ExtendDeadline"],
    };
}
