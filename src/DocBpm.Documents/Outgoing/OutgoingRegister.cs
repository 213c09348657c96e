using DocBpm.Documents.Registers;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Outgoing;

/// <summary>The rows of the outgoing register (Sổ đăng ký văn bản đi): every issued document of the book, by number.</summary>
public sealed class OutgoingRegister(DbContext db) : IOutgoingRegisterEntries
{
    public async Task<IReadOnlyList<OutgoingRegisterEntry>> ListAsync(Guid bookId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var documents = await db.Set<OutgoingDocument>().AsNoTracking()
            .Where(d => d.RegisterBookId == bookId && d.DocumentDate >= from && d.DocumentDate <= to && d.Number != null)
            .OrderBy(d => d.RegisterYear).ThenBy(d => d.Number).ToListAsync(cancellationToken);
        var ids = documents.Select(d => d.Id).ToList();
        var recipients = (await db.Set<OutgoingRecipient>().AsNoTracking().Where(r => ids.Contains(r.DocumentId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.DocumentId);
        var corrected = documents.Where(d => d.CorrectsId is not null).Select(d => d.CorrectsId!.Value).ToList();
        var originals = await db.Set<OutgoingDocument>().AsNoTracking().Where(d => corrected.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.NumberAndNotation, cancellationToken);
        return [.. documents.Select(d => new OutgoingRegisterEntry(
            d.Number!.Value,
            d.NumberAndNotation!,
            d.DocumentDate!.Value,
            $"{d.TypeName}: {d.Subject}",
            Signer(d),
            string.Join("; ", recipients[d.Id].Select(r => r.Name)),
            d.ArchiveHolder ?? d.DraftingUnit,
            d.Copies,
            d.DocumentDate,
            null,
            Notes(d, originals)))];
    }

    /// <summary>Register column 5: capacity, title, name, and the authorising decision of a TUQ. signature (NĐ30 Art. 13.4).</summary>
    private static string Signer(OutgoingDocument d) =>
        string.Join(" ", new[] { d.SignerCompetence, d.SignerPosition, d.SignerName }.Where(p => !string.IsNullOrEmpty(p)))
        + (d.SignerAuthorisation is { } decision ? $" (theo {decision})" : "");

    private static string? Notes(OutgoingDocument document, Dictionary<Guid, string?> originals) =>
        document.CorrectsId is { } original && originals.TryGetValue(original, out var code)
            ? $"{(document.CorrectionKind == CorrectionKind.Notice ? "Đính chính" : "Thay thế")} văn bản số {code}. {document.Notes}".Trim()
            : document.Notes;
}
