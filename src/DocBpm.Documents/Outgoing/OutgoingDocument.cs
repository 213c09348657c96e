using DocBpm.Documents.Incoming;
using DocBpm.Documents.Authorisations;
using DocBpm.Documents.Text;

namespace DocBpm.Documents.Outgoing;

/// <summary>
/// Độ mật (Law on protection of state secrets, art. 8). State secrets stay out of the system (Articles 5.2, 11.1): new
/// drafts are refused anything but <see cref="None"/>; the other values remain for documents stored before that rule.
/// </summary>
public enum Confidentiality
{
    None,
    Confidential,
    Secret,
    TopSecret,
}

/// <summary>Where an outgoing document is on its way from draft to issue.</summary>
public enum OutgoingStage
{
    /// <summary>With the drafter: uploads and recipients can change.</summary>
    Drafting,

    /// <summary>Opinions of co-operating units and the unit head's final check (Article 9.2a).</summary>
    Reviewing,

    AwaitingSignature,

    /// <summary>Signed; the clerk checks its form and issues it (Article 9.2b).</summary>
    AwaitingIssue,

    Issued,
}

/// <summary>How a document corrects an issued one (Article 9.5, NĐ30 art. 18.3).</summary>
public enum CorrectionKind
{
    /// <summary>A document of equivalent form that replaces the issued one (content errors).</summary>
    Replacement,

    /// <summary>A công văn đính chính (errors of form).</summary>
    Notice,
}

/// <summary>
/// An outgoing document (văn bản đi) with the input metadata of NĐ30 Appendix VI. Number, notation, date and signer are
/// empty until the clerk issues it; its process instance carries it from draft to issue.
/// </summary>
public sealed partial class OutgoingDocument
{
    public Guid Id { get; set; }

    /// <summary>Abbreviation of the document type (Phụ lục III), empty for a công văn.</summary>
    public required string TypeCode { get; set; }

    public required string TypeName { get; set; }
    public required string Subject { get; set { field = value; Rekey(); } }
    public required string DraftingUnit { get; set; }
    public required string Drafter { get; set; }
    public Urgency Urgency { get; set; }
    public Confidentiality Confidentiality { get; set; }

    /// <summary>"Gửi kèm bản giấy": the paper original also goes to the recipients (Article 5.5), said in the edXML package.</summary>
    public bool PaperAlsoSent { get; set; }
    public int Copies { get; set; } = 1;
    public int? PageCount { get; set; }
    public string Language { get; set; } = "vi";
    public string? Notes { get; set; }

    /// <summary>Đơn vị, người nhận bản lưu (register column 6).</summary>
    public string? ArchiveHolder { get; set; }

    public OutgoingStage Stage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The incoming document this one answers (văn bản trả lời).</summary>
    public Guid? InReplyToId { get; set; }

    /// <summary>The issued document this one corrects, and how; the corrected one points back through <see cref="CorrectedById"/>.</summary>
    public Guid? CorrectsId { get; set; }

    public CorrectionKind? CorrectionKind { get; set; }
    public Guid? CorrectedById { get; set; }

    /// <summary>The one leader the unit head presented the draft to (Article 9.2a); only they may sign it.</summary>
    public string? SigningLeader { get; set; }

    /// <summary>Thẩm quyền ký chosen when the draft is submitted (NĐ30 Art. 13); null: the one the signer's rank gives.</summary>
    public SigningCapacity? RequestedCapacity { get; set; }

    public string? SignerName { get; set { field = value; Rekey(); } }
    public string? SignerPosition { get; set; }

    /// <summary>Quyền hạn ký (NĐ30 art. 13), e.g. "KT. GIÁM ĐỐC" when a deputy signs for the Director.</summary>
    public string? SignerCompetence { get; set; }

    /// <summary>The Director's authorisation a TL., TUQ. or TM. signature was made under, and its decision as registered.</summary>
    public Guid? SigningAuthorisationId { get; set; }

    public string? SignerAuthorisation { get; set; }
    public string? SignerUserName { get; set; }
    public DateTimeOffset? SignedAt { get; set; }

    public Guid? RegisterBookId { get; set; }
    public int? RegisterYear { get; set; }
    public int? Number { get; set; }
    public string? Notation { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public DateTimeOffset? IssuedAt { get; set; }
    public string? IssuedBy { get; set; }

    /// <summary>The main file with the leader's personal signature, and the issued one with the agency's signature on top.</summary>
    public Guid? SignedFileId { get; set; }

    public Guid? IssuedFileId { get; set; }

    /// <summary>The national document identifier (edXML DocumentId) once issued.</summary>
    public string? NationalId { get; set; }

    /// <summary>Printed number and notation, e.g. 123/QĐ-SGDĐT.</summary>
    public string? NumberAndNotation { get; set { field = value; Rekey(); } }

    /// <summary>
    /// The subject as a search compares it (<see cref="VietnameseText.SearchKey(string?)"/>): "ke hoach" finds "Kế hoạch".
    /// Never empty once keyed (a draft's subject has a key, <see cref="OutgoingDrafts.CreateAsync"/>), so an empty one
    /// marks a row stored before the keys.
    /// </summary>
    public string SubjectKey { get; private set; } = "";

    /// <summary>The number and notation as a search compares it: "qd-sgddt" finds "15/QĐ-SGDĐT"; empty until issued.</summary>
    public string NotationKey { get; private set; } = "";

    /// <summary>The signer's name as a search compares it; empty until signed.</summary>
    public string SignerKey { get; private set; } = "";

    /// <summary>
    /// Folds the searched fields into their keys. The setters call it, so every write path (drafting, corrections,
    /// signing, numbering at issue) keeps the keys in step without knowing about them.
    /// </summary>
    private void Rekey() => (SubjectKey, NotationKey, SignerKey) = OutgoingSearchKeys.Of(Subject, NumberAndNotation, SignerName);
}

/// <summary>The folded keys of an outgoing document's searched fields, as its setters write them and the upgrade backfills them.</summary>
public readonly record struct OutgoingSearchKeys(string Subject, string Notation, string Signer)
{
    public const int SubjectLength = OutgoingDrafts.SubjectLength;

    /// <summary>The column of the number and notation, and of its key (cut to it).</summary>
    public const int NotationLength = 110;

    /// <summary>The column of the signer's name, and of its key (cut to it).</summary>
    public const int SignerLength = 200;

    public static OutgoingSearchKeys Of(string? subject, string? numberAndNotation, string? signerName) => new(
        VietnameseText.SearchKey(subject, SubjectLength), VietnameseText.SearchKey(numberAndNotation, NotationLength),
        VietnameseText.SearchKey(signerName, SignerLength));
}
