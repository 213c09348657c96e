using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Verifies every signature of a PDF and decides its legal status under Article 4: legally valid only with a valid
/// signature of an authorised person plus a valid agency signature; otherwise for reference only.
/// </summary>
public sealed class SignatureVerifier(IOptions<SignatureOptions> options, TrustMaterial trust)
{
    /// <exception cref="SignatureInputException">The file is not a readable, unencrypted PDF within the size limit.</exception>
    public SignatureReport Verify(byte[] pdf, IReadOnlyList<SignerRegistration> registry)
    {
        using var document = PdfInput.Open(pdf, options.Value.MaxFileBytes);
        List<EmbeddedSignature> embedded;
        RevocationData store;
        try
        {
            embedded = SignatureLocator.Find(document);
            store = SignatureLocator.SecurityStore(document);
        }
        catch (Exception ex) when (ex is not SignatureInputException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw PdfInput.Unreadable(ex);
        }

        if (embedded.Count == 0)
            return new SignatureReport(LegalStatus.ReferenceOnly, [], [SignatureReasons.NoSignatures]);
        var check = new SignatureCheck(trust, registry, store);
        var results = embedded.Select(e => check.Check(pdf, e)).ToList();
        var reasons = new List<SignatureFinding>();
        if (embedded.Max(e => e.End) < pdf.LongLength)
            reasons.Add(SignatureReasons.UnsignedUpdate);
        for (var i = 0; i < results.Count; i++)
        {
            if (embedded[i].End < pdf.LongLength && results[i].Reasons.All(r => r != SignatureReasons.ByteRange) && ContentChanged(pdf, embedded[i].End, document))
                results[i] = results[i] with { Status = SignatureStatus.Invalid, Reasons = [.. results[i].Reasons, SignatureReasons.ContentChanged] };
        }

        return new SignatureReport(Decide(results, reasons), results, reasons);
    }

    private LegalStatus Decide(List<SignatureResult> results, List<SignatureFinding> reasons)
    {
        var valid = results.Where(r => r.Status == SignatureStatus.Valid && r.Signer is not null).Select(r => r.Signer!).ToList();
        var people = valid.Where(s => s.Kind == SignerKind.Person).ToList();
        var authorised = people.Any(s => s.Registered || !options.Value.RequireRegisteredSigner);
        var agency = valid.Any(s => s.Kind == SignerKind.Organisation);
        if (!authorised)
        {
            reasons.Add(SignatureReasons.NoAuthorisedPerson);
            if (people.Count > 0)
                reasons.Add(SignatureReasons.NotRegistered);
        }

        if (!agency)
            reasons.Add(SignatureReasons.NoAgency);
        return authorised && agency ? LegalStatus.LegallyValid : LegalStatus.ReferenceOnly;
    }

    /// <summary>The page's content streams as stored (a cover-up drawn over the text changes them even when the text does not).</summary>
    private static IEnumerable<byte> PageContent(PdfDocument document, UglyToad.PdfPig.Tokens.DictionaryToken page)
    {
        var contents = page.TryGet(PdfObjects.Name("Contents"), out var token) ? document.Resolve(token) : null;
        IEnumerable<UglyToad.PdfPig.Tokens.IToken?> streams = contents is UglyToad.PdfPig.Tokens.ArrayToken array ? array.Data.Select(t => (UglyToad.PdfPig.Tokens.IToken?)document.Resolve(t)) : [contents];
        return streams.OfType<UglyToad.PdfPig.Tokens.StreamToken>().SelectMany(s => s.Data.ToArray());
    }

    /// <summary>
    /// Whether the pages a signature covered read differently now: later revisions may add signatures and annotations,
    /// never change what the pages say.
    /// </summary>
    private static bool ContentChanged(byte[] pdf, long revisionEnd, PdfDocument current)
    {
        try
        {
            using var signed = PdfDocument.Open(pdf.AsMemory(0, (int)revisionEnd).ToArray(), new ParsingOptions { SkipMissingFonts = true });
            var before = signed.Pages();
            var after = current.Pages();
            if (before.Count != after.Count)
                return true;
            for (var i = 0; i < before.Count; i++)
            {
                if (!PageContent(signed, before[i].Page).SequenceEqual(PageContent(current, after[i].Page))
                    || signed.GetPage(i + 1).Text != current.GetPage(i + 1).Text)
                    return true;
            }

            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A revision that cannot be read back cannot be shown to be unchanged.
            return true;
        }
    }
}
