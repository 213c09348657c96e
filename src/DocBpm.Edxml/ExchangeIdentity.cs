namespace DocBpm.Edxml;

/// <summary>
/// Who may say what about a document on the axis. The axis checks these rules when a package or status arrives, and a
/// receiving system checks them again, since it cannot know that the axis it talks to did.
/// </summary>
public static class ExchangeIdentity
{
    /// <summary>
    /// A national document identifier starts with its issuing agency's code, so only that agency may send a package
    /// carrying it (otherwise another agency could squat the identifier first). Null when the identifier is the sender's,
    /// or names no agency (a peer's non-national identifier, such as a UUID).
    /// </summary>
    public static string? ForeignIdentifier(string senderCode, string documentId) =>
        DocumentIdentifier.TryParse(documentId, out var id) && id.Agency.Value != senderCode
            ? $"Mã định danh văn bản {documentId} thuộc cơ quan {id.Agency}, không phải cơ quan gửi {senderCode}."
            : null;

    /// <summary>A status, a recall, an update or a replacement about a document comes only from a party to it.</summary>
    public static string NotAParty(string agency, string documentId) =>
        $"Cơ quan {agency} không phải nơi gửi hoặc nơi nhận văn bản {documentId}.";

    /// <summary>Recall, update and replacement are the original sender's alone (Article 8.2c; Article 9.5).</summary>
    public static string NotTheOriginalSender(string agency, string documentId, BusinessDocType type) =>
        $"Cơ quan {agency} không phải nơi đã gửi văn bản {documentId}, nên không thể {Verb(type)} văn bản này.";

    private static string Verb(BusinessDocType type) => type switch
    {
        BusinessDocType.Revoke => "thu hồi",
        BusinessDocType.Replace => "thay thế",
        _ => "cập nhật",
    };
}
