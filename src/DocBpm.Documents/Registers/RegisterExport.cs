using DocBpm.Engine;

namespace DocBpm.Documents.Registers;

public enum RegisterFileFormat
{
    Pdf,
    Xlsx,
}

/// <summary>A printed register, ready to download.</summary>
public sealed record RegisterFile(string FileName, string ContentType, byte[] Content)
{
    /// <summary>The sheet printed by the chosen printer, named <paramref name="name"/> with the format's extension.</summary>
    public static RegisterFile Print(RegisterSheet sheet, string name, RegisterFileFormat format) => format == RegisterFileFormat.Pdf
        ? new RegisterFile(name + ".pdf", "application/pdf", RegisterPdf.Write(sheet))
        : new RegisterFile(name + ".xlsx", RegisterXlsx.ContentType, RegisterXlsx.Write(sheet));
}

public sealed class RegisterExportInvalidException(string detailVi, string message)
    : DocumentRefusedException(RefusalKind.Invalid, "Không in được sổ đăng ký", detailVi, message);

/// <summary>
/// Prints a register book for a date range (NĐ30 art. 16 and 22: a register kept in the system must be printable).
/// The rows come from whichever document store implements <see cref="IIncomingRegisterEntries"/> or
/// <see cref="IOutgoingRegisterEntries"/>.
/// </summary>
public sealed class RegisterExport(
    RegisterBooks books,
    IEnumerable<IIncomingRegisterEntries> incoming,
    IEnumerable<IOutgoingRegisterEntries> outgoing)
{
    public async Task<RegisterFile> ExportAsync(Guid bookId, DateOnly from, DateOnly to, RegisterFileFormat format, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(format))
            throw new RegisterExportInvalidException("Định dạng phải là pdf hoặc xlsx.", $"Unknown register format {format}.");
        var (book, sheet) = await SheetAsync(bookId, from, to, cancellationToken);
        var name = $"so-{book.Code.ToLowerInvariant()}-{from:yyyyMMdd}-{to:yyyyMMdd}";
        return RegisterFile.Print(sheet, name, format);
    }

    /// <summary>The rows of the register for a date range, as both printers and the page's preview take them.</summary>
    public async Task<(RegisterBook Book, RegisterSheet Sheet)> SheetAsync(Guid bookId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (from > to)
            throw new RegisterExportInvalidException("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", $"Export range {from} > {to}.");
        if (from.Year != to.Year)
        {
            // Numbers restart every 1 January, so a register is kept, and printed, one year at a time.
            throw new RegisterExportInvalidException("Sổ đăng ký được lập theo năm: ngày bắt đầu và ngày kết thúc phải trong cùng một năm.",
                $"Export range {from} – {to} spans two years.");
        }
        var book = await books.GetAsync(bookId, cancellationToken);
        var sheet = book.Direction == RegisterDirection.Incoming
            ? RegisterLayouts.Incoming(book, from, to, await Source(incoming, book).ListAsync(book.Id, from, to, cancellationToken))
            : RegisterLayouts.Outgoing(book, from, to, await Source(outgoing, book).ListAsync(book.Id, from, to, cancellationToken));
        return (book, sheet);
    }

    // The last registration wins, as with any service resolved from the container.
    private static T Source<T>(IEnumerable<T> sources, RegisterBook book) =>
        sources.LastOrDefault() ?? throw new RegisterExportInvalidException(
            $"Chưa có dữ liệu văn bản cho sổ '{book.Name}' trong hệ thống.", $"No {typeof(T).Name} is registered; cannot print {book.Code}.");
}
