using DocBpm.Documents.Incoming;

namespace DocBpm.Documents.Outgoing;

/// <summary>A recipient as the drafter chooses it: an agency code, a unit code or a user name, with the name to print.</summary>
public sealed record RecipientChoice(RecipientKind Kind, string Code, string? Name = null);

/// <summary>What a drafter enters for a new outgoing document (NĐ30 Appendix VI).</summary>
public sealed record NewDraft(
    string TypeCode,
    string Subject,
    Urgency Urgency = Urgency.Normal,
    Confidentiality Confidentiality = Confidentiality.None,
    int Copies = 1,
    int? PageCount = null,
    string? Notes = null,
    string? ArchiveHolder = null,
    Guid? InReplyTo = null,
    IReadOnlyList<RecipientChoice>? Recipients = null,
    bool PaperAlsoSent = false);

/// <summary>Who drafts: the signed-in person and the unit whose notation suffix the document carries.</summary>
public sealed record Drafter(string UserName, string UnitCode);
