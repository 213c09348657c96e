namespace DocBpm.Documents.Outgoing;

public enum DraftFileKind
{
    /// <summary>The document itself (one file, versioned).</summary>
    Main,

    /// <summary>An appendix in a separate file (phụ lục).</summary>
    Attachment,
}

/// <summary>One upload of a draft: every version is kept, with who uploaded it and when.</summary>
public sealed class DraftVersion
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public DraftFileKind Kind { get; set; }

    /// <summary>1, 2, 3 … per document and kind, in upload order.</summary>
    public int Version { get; set; }

    public Guid FileId { get; set; }
    public required string FileName { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? Note { get; set; }
}

public enum RecipientKind
{
    /// <summary>Another agency, by its identifier code; sent over the exchange axis.</summary>
    Agency,

    /// <summary>A unit of the Department; the document reaches its members' inbox.</summary>
    Unit,

    /// <summary>A person of the Department, by user name.</summary>
    Person,
}

/// <summary>A recipient (nơi nhận) of an outgoing document.</summary>
public sealed class OutgoingRecipient
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public RecipientKind Kind { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}

/// <summary>What happened to an outgoing document, in order: opinions, approvals, returns with their reasons, signing, issue.</summary>
public enum OutgoingAction
{
    Created,
    Submitted,
    Opinion,
    Approved,
    Returned,
    SignedByLeader,
    SignatureRefused,
    ReturnedByClerk,
    Issued,
    Corrected,
    IssueEscalated,

    /// <summary>The waiting signature went to another leader; the comment names both and the reason.</summary>
    SigningHandedOver,
}

public sealed class OutgoingHistoryEntry
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public OutgoingAction Action { get; set; }
    public string? Comment { get; set; }
}

/// <summary>A type of document (Phụ lục III NĐ30) with its abbreviation; data an administrator can correct.</summary>
public sealed class DocumentType
{
    /// <summary>The abbreviation used in the notation (QĐ, TTr …); "CV" stands for the công văn, which has none.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>Whether the abbreviation is printed in the notation (not for a công văn).</summary>
    public bool InNotation { get; set; } = true;

    public int SortOrder { get; set; }
}

/// <summary>An agency of the directory that documents are sent to, by its identifier code (QĐ 20/2020).</summary>
public sealed class AgencyEntry
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
}
