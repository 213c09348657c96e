namespace DocBpm.Edxml;

/// <summary>An agency as edXML names it (From, To, status reporters).</summary>
public sealed record EdxmlOrganization(
    string OrganId,
    string OrganName,
    string? OrganizationInCharge = null,
    string? Address = null,
    string? Email = null,
    string? Telephone = null,
    string? Fax = null,
    string? Website = null);

public sealed record EdxmlSigner(string? Competence, string? Position, string FullName);

/// <summary>Type, its name and the finer detail code other implementations write (0 when there is none).</summary>
public sealed record EdxmlDocumentType(int Type, string TypeName, int TypeDetail = 0);

/// <summary>Urgency as the axis encodes it (OtherInfo/Priority).</summary>
public enum EdxmlPriority
{
    Normal = 0,
    Urgent = 1,
    Immediate = 2,
    Flash = 3,
    FlashScheduled = 4,
}

public sealed record EdxmlOtherInfo(
    EdxmlPriority Priority,
    string? SphereOfPromulgation = null,
    string? TyperNotation = null,
    int? PromulgationAmount = null,
    int? PageAmount = null,
    IReadOnlyList<string>? Appendixes = null,
    string? SecurityLevel = null,
    bool Direction = false)
{
    private static readonly string[] SecretMarks = ["Mật", "Tối mật", "Tuyệt mật"];

    /// <summary>
    /// The state-secret mark (Mật, Tối mật, Tuyệt mật) when the sender put one in <c>OtherInfo/SecurityLevel</c> or as the
    /// whole <c>SphereOfPromulgation</c>; QCVN 102:2016 has no field of its own for it.
    /// </summary>
    public string? SecretMark => SecretMarks.FirstOrDefault(m =>
        string.Equals(m, SecurityLevel?.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(m, SphereOfPromulgation?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>The document a package answers (văn bản phúc đáp).</summary>
public sealed record EdxmlResponseFor(string OrganId, string Code, DateOnly PromulgationDate, string DocumentId);

/// <summary>Why the package is sent: a new document, a recall, an update or a replacement.</summary>
public enum BusinessDocType
{
    New = 0,
    Revoke = 1,
    Update = 2,
    Replace = 3,
}

public sealed record EdxmlStaff(string? Department, string? Staff, string? Mobile = null, string? Email = null);

/// <summary>A document a replacement supersedes, and the agencies that should treat it as superseded (ReplacementInfo).</summary>
public sealed record EdxmlReplacement(string DocumentId, IReadOnlyList<string> OrganIds);

/// <summary>
/// A change of recipients an update announces (BussinessDocumentInfo/ReceiverList/Receiver): an agency added to the
/// recipients, or (ReceiverType 2) taken off them.
/// </summary>
public sealed record EdxmlReceiverChange(string OrganId, bool Removed);

/// <summary>
/// The business part of the trace (Bussiness). An update or a replacement names the document it corrects by its
/// identifier (DocumentId), or reuses the original's header DocumentId as the SDK builders do; a replacement also lists
/// it in ReplacementInfoList; an update may change the recipients (ReceiverChanges).
/// </summary>
public sealed record EdxmlBusiness(BusinessDocType DocType, string? Reason, EdxmlStaff? Staff, bool PaperAlsoSent,
    string? DocumentId = null, IReadOnlyList<EdxmlReplacement>? Replacements = null, IReadOnlyList<EdxmlReceiverChange>? ReceiverChanges = null)
{
    /// <summary>The identifier of the document this package corrects or replaces, if it names one.</summary>
    public string? CorrectedDocumentId => DocType is BusinessDocType.Update or BusinessDocType.Replace
        ? DocumentId ?? (Replacements is [var first, ..] ? first.DocumentId : null)
        : null;
}

/// <summary>One hop on the way: the agency (or axis) that forwarded the package, and when (UTC).</summary>
public sealed record EdxmlTrace(string OrganId, DateTimeOffset Timestamp);

public sealed record EdxmlAttachment(string ContentId, string Name, string ContentType, byte[] Content, string? Description = null);

/// <summary>The header of an exchanged document (QCVN 102:2016 MessageHeader).</summary>
public sealed record EdxmlMessageHeader(
    EdxmlOrganization From,
    IReadOnlyList<EdxmlOrganization> To,
    string CodeNumber,
    string CodeNotation,
    string Place,
    DateOnly PromulgationDate,
    EdxmlDocumentType DocumentType,
    string Subject,
    EdxmlSigner Signer,
    EdxmlOtherInfo OtherInfo,
    string DocumentId,
    string? Content = null,
    DateOnly? DueDate = null,
    IReadOnlyList<string>? ToPlaces = null,
    IReadOnlyList<EdxmlResponseFor>? ResponseFor = null,
    int SteeringType = 0);

/// <summary>An edXML package: header, trace of hops, business info and the attached (signed) files.</summary>
public sealed record EdxmlPackage(
    EdxmlMessageHeader Header,
    IReadOnlyList<EdxmlTrace> Traces,
    EdxmlBusiness Business,
    IReadOnlyList<EdxmlAttachment> Attachments);
