namespace DocBpm.Documents.Registers;

/// <summary>
/// One line of the incoming register (Sổ đăng ký văn bản đến, NĐ30 Phụ lục IV), in column order.
/// <paramref name="ReceivedAt"/> is the Article 10.2 receipt time; "Giờ đến" is printed for Thượng khẩn and Hỏa tốc.
/// </summary>
public sealed record IncomingRegisterEntry(
    DateTimeOffset ReceivedAt,
    bool PrintReceivedTime,
    int IncomingNumber,
    string Author,
    string NumberAndNotation,
    DateOnly DocumentDate,
    string TypeAndSubject,
    string? Recipient,
    DateOnly? TransferredOn,
    string? ReceiptSignature,
    string? Notes);

/// <summary>One line of the outgoing register (Sổ đăng ký văn bản đi, NĐ30 Phụ lục IV), in column order.</summary>
public sealed record OutgoingRegisterEntry(
    int Number,
    string NumberAndNotation,
    DateOnly DocumentDate,
    string TypeAndSubject,
    string Signer,
    string Recipients,
    string? ArchiveHolder,
    int Copies,
    DateOnly? DispatchedOn,
    string? ReceiptSignature,
    string? Notes);

/// <summary>
/// The incoming documents registered in a book, implemented by the incoming documents' store. The range is inclusive
/// and compares the Vietnam date of the receipt time; entries come ordered by incoming number.
/// </summary>
public interface IIncomingRegisterEntries
{
    Task<IReadOnlyList<IncomingRegisterEntry>> ListAsync(Guid bookId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>
/// The outgoing documents registered in a book, implemented by the outgoing documents' store. The range is inclusive
/// and compares the document date; entries come ordered by number.
/// </summary>
public interface IOutgoingRegisterEntries
{
    Task<IReadOnlyList<OutgoingRegisterEntry>> ListAsync(Guid bookId, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
