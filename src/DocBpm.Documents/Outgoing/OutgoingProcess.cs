using DocBpm.Engine.Model;

namespace DocBpm.Documents.Outgoing;

/// <summary>
/// The names workflows/outgoing.bpmn and this code share: the user tasks each person's step completes, the variables
/// the steps pass and the activities that sign, number, record and dispatch. The deploy refuses a version of the key
/// that lacks one of them.
/// </summary>
public static class OutgoingProcess
{
    public const string Key = "outgoing";

    public const string Draft = "Draft";
    public const string Review = "Review";
    public const string UnitHeadCheck = "UnitHeadCheck";
    public const string Sign = "Sign";
    public const string ClerkCheck = "ClerkCheck";

    /// <summary>A recipient unit's or person's copy of the issued document (Article 9.4).</summary>
    public const string Receive = "Receive";

    public static ProcessContract Contract { get; } = new(Key)
    {
        UserTasks = [Draft, Review, UnitHeadCheck, Sign, ClerkCheck, Receive],
        Variables = ["documentId", "drafter", "unitHeads", "reviewers", "priority", "agencyKey", "decision", "signingLeader",
            "issueWarnAt", "issueDeadline", "mainFileId", "signerKey", "signerName", "signerAuthority"],
        ActivityTypes = ["SignDocument", "IssueOutgoing", "RecordIssuedFile", "DispatchToBus"],
    };

    /// <summary>The step at which a document at <paramref name="stage"/> waits for a person; null once issued.</summary>
    public static string? StepAt(OutgoingStage stage) => stage switch
    {
        OutgoingStage.Drafting => Draft,
        OutgoingStage.Reviewing => UnitHeadCheck,
        OutgoingStage.AwaitingSignature => Sign,
        OutgoingStage.AwaitingIssue => ClerkCheck,
        _ => null,
    };
}
