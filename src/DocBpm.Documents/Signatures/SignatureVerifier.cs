using Microsoft.Extensions.Options;

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
            if (embedded[i].End < pdf.LongLength && results[i].Reasons.All(r => r != SignatureReasons.ByteRange) && RevisionComparison.ContentChanged(pdf, embedded[i].End, document))
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
}
