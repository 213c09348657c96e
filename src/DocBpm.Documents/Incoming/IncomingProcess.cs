using System.Globalization;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// The names workflows/incoming.bpmn and this code share: its messages, the user tasks a document's actions complete,
/// and the variables they pass. The deploy refuses a version of the key that lacks one of them.
/// </summary>
public static class IncomingProcess
{
    /// <summary>Starts the process for a paper document the clerk has digitised.</summary>
    public const string PaperArrived = "incoming-paper";

    public const string DefinitionKey = "incoming";

    public const string ClerkCheck = "ClerkCheck";
    public const string DirectorInstruction = "DirectorInstruction";

    /// <summary>The deputy the Director forwarded the document to instructs and assigns in his place (Article 8.2b).</summary>
    public const string DeputyInstruction = "DeputyInstruction";

    public const string Process = "Process";
    public const string RecallReport = "RecallReport";
    public const string Coordinate = "Coordinate";

    public static ProcessContract Contract { get; } = new(DefinitionKey)
    {
        UserTasks = [ClerkCheck, DirectorInstruction, DeputyInstruction, Process, RecallReport, Coordinate],
        Messages = [IntakeService.DocumentArrived, PaperArrived, IntakeService.RecallNotice],
        Variables = ["incomingDocumentId", "documentId", "viaAxis", "priority", "mainFileId", "processUsers", "deadline", "coordinators",
            "forwardedTo", ClerkDueAt, DirectorDueAt],
        ActivityTypes = ["VerifySignature", "CancelIncoming", RecordUrgentOverdue.Type],
    };

    /// <summary>When the clerk's registration of an urgent document is overdue; unset for an ordinary one.</summary>
    public const string ClerkDueAt = "clerkDueAt";

    /// <summary>When the Director's step on an urgent document is overdue; unset for an ordinary one.</summary>
    public const string DirectorDueAt = "directorDueAt";

    public static Dictionary<string, JsonNode?> StartVariables(IncomingDocument document, UrgentHandling urgent) => new()
    {
        [ClerkDueAt] = urgent.DueAt(document.ArrivedAt, document.Urgency),
        ["incomingDocumentId"] = document.Id.ToString(),
        ["documentId"] = document.ProcessKey,
        ["viaAxis"] = document.Source == IncomingSource.Axis,
        ["subject"] = document.Subject,
        ["priority"] = document.Urgency.ToString(),
        ["mainFileId"] = document.Files.Count > 0 ? document.Files[0].ToString() : null,
    };

    /// <summary>The first instant of a day in Vietnam, in UTC: dates people type are Vietnamese days.</summary>
    public static DateTimeOffset DayStart(DateOnly day) => Engine.Timers.VietnamTime.StartOf(day).ToUniversalTime();

    public static DateOnly DayOf(DateTimeOffset instant) => Engine.Timers.VietnamTime.DateOf(instant);

    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The document's waiting task at <paramref name="elementId"/> of its own instance, if the process is there.</summary>
    public static async Task<BookmarkRecord?> WaitingTaskAsync(this DbContext db, IncomingDocument document, string elementId,
        CancellationToken cancellationToken)
    {
        var own = await OwnInstance.FindAsync(db, DefinitionKey, document.ProcessKey, document.InstanceId, cancellationToken);
        return await OwnInstance.OpenTasks(db, own, elementId).FirstOrDefaultAsync(cancellationToken);
    }
}
