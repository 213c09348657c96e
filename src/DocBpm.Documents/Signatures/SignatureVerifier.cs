using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace DocBpm.Documents.Signatures;

/// <summary>
/// Verifies every signature of a PDF (ETSI EN 319 102-1 indications) and decides its legal status under Article 4:
/// legally valid only with a valid signature of an authorised person plus a valid agency signature, and nothing a reader
/// sees changed after signing; otherwise for reference only.
/// </summary>
public sealed class SignatureVerifier(IOptions<SignatureOptions> options, TrustMaterial trust, TimeProvider time)
{
    public const int MaxSignatures = 32;

    /// <exception cref="SignatureInputException">The file is not a readable, unencrypted PDF within the size limit.</exception>
    public SignatureReport Verify(byte[] pdf, IReadOnlyList<SignerRegistration> registry)
    {
        using var document = PdfInput.Open(pdf, options.Value.MaxFileBytes);
        List<EmbeddedSignature> found;
        RevocationData store;
        try
        {
            found = SignatureLocator.Find(document);
            store = SignatureLocator.SecurityStore(document);
        }
        catch (Exception ex) when (ex is not SignatureInputException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw PdfInput.Unreadable(ex);
        }

        var reasons = new List<SignatureFinding>();
        if (PdfInput.HasTrailingBytes(pdf))
            reasons.Add(SignatureReasons.TrailingBytes);
        if (found.Count == 0)
            return new SignatureReport(LegalStatus.ReferenceOnly, [], [.. reasons, SignatureReasons.NoSignatures]);
        if (found.Count > MaxSignatures)
            throw new SignatureInputException("too-many-signatures", $"Tệp có {found.Count} chữ ký; chỉ kiểm tra tối đa {MaxSignatures}.",
                $"The file holds {found.Count} signatures; the limit is {MaxSignatures}.");

        using var revisions = new Revisions(pdf);
        var embedded = found.Select(revisions.AsSigned).ToList();
        var results = Check(pdf, embedded, new SignatureCheck(trust, registry, store, time.GetUtcNow()));
        if (embedded.Max(e => e.End) < pdf.LongLength)
            reasons.Add(SignatureReasons.UnsignedUpdate);
        var allowed = RevisionChanges.Allowed(document, range => Enumerable.Range(0, results.Length)
            .Any(j => results[j].Endorses && !results[j].IsDocumentTimestamp && embedded[j].ByteRange.SequenceEqual(range)));
        for (var i = 0; i < results.Length; i++)
        {
            if (embedded[i].End >= pdf.LongLength || results[i].Reasons.Contains(SignatureReasons.ByteRange))
                continue;
            var end = embedded[i].End;
            bool Endorsed(long offset) => Enumerable.Range(0, results.Length).Any(j =>
                results[j].Endorses && !results[j].IsDocumentTimestamp && embedded[j].End > end && embedded[j].End > offset);
            var changes = revisions.ChangesAfter(end, document, Endorsed);
            var locked = changes.Fields.Where(f => embedded[i].Locks.Any(l => l.Locks(f))).Order(StringComparer.Ordinal).ToList();
            // A field an earlier signature locked is that signature's failure, never a permitted change from here.
            var free = changes.Fields.Where(f => !embedded.Where(e => e.End <= end).SelectMany(e => e.Locks).Any(l => l.Locks(f)));
            var permitted = changes.Kinds.Where(k => k is ChangeKind.FormFilling or ChangeKind.Annotation && allowed.Contains(k)
                && (k == ChangeKind.Annotation || free.Any())).Select(SignatureReasons.Permitted);
            reasons.AddRange(permitted.Where(f => !reasons.Contains(f)));
            var forbidden = changes.Kinds.Except(allowed).Order().Select(SignatureReasons.Changed).Concat(locked.Select(SignatureReasons.LockedFieldChanged)).ToList();
            if (forbidden.Count == 0)
                continue;
            // A signature already failed keeps the sub-indication that failed it first.
            results[i] = results[i] with
            {
                Indication = Indications.TotalFailed,
                SubIndication = results[i].Indication == Indications.TotalFailed ? results[i].SubIndication : SubIndications.FormatFailure,
                Reasons = [.. results[i].Reasons, SignatureReasons.ContentChanged],
            };
            reasons.AddRange(forbidden.Where(f => !reasons.Contains(f)));
        }

        return new SignatureReport(Decide(results, reasons), results, reasons);
    }

    /// <summary>Document timestamps first: a valid one proves that every signature in the revision it covers existed then.</summary>
    private static SignatureResult[] Check(byte[] pdf, List<EmbeddedSignature> embedded, SignatureCheck check)
    {
        var results = new SignatureResult[embedded.Count];
        var stamps = Enumerable.Range(0, embedded.Count).Where(i => embedded[i].SubFilter == SignatureCheck.DocumentTimestampSubFilter).ToList();
        foreach (var i in stamps)
            results[i] = check.Check(pdf, embedded[i], null);
        for (var i = 0; i < embedded.Count; i++)
        {
            var end = embedded[i].End;
            results[i] ??= check.Check(pdf, embedded[i], stamps
                .Where(s => embedded[s].End > end && results[s].Status == SignatureStatus.Valid)
                .Select(s => results[s].ProofOfExistence).Min());
        }

        return results;
    }

    private LegalStatus Decide(SignatureResult[] results, List<SignatureFinding> reasons)
    {
        var valid = results.Where(r => r.Status == SignatureStatus.Valid && !r.IsDocumentTimestamp && r.Signer is not null).Select(r => r.Signer!).ToList();
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
        var changed = reasons.Any(SignatureReasons.IsForbiddenChange);
        return authorised && agency && !changed ? LegalStatus.LegallyValid : LegalStatus.ReferenceOnly;
    }

    /// <summary>Each signed revision parsed once, as the signer saw it; disposed with the check.</summary>
    private sealed class Revisions(byte[] pdf) : IDisposable
    {
        private readonly Dictionary<long, PdfDocument?> opened = [];

        /// <summary>The signature as its own revision holds it: a later update cannot move its /M or swap its value.</summary>
        public EmbeddedSignature AsSigned(EmbeddedSignature final)
        {
            try
            {
                return Open(final.End) is { } revision
                    ? SignatureLocator.Find(revision).FirstOrDefault(s => s.FieldName == final.FieldName && s.ByteRange.SequenceEqual(final.ByteRange)) ?? final
                    : final;
            }
            catch (SignatureInputException)
            {
                return final;
            }
        }

        /// <summary>What changed after the revision ending at <paramref name="end"/>; an unreadable revision counts as replaced.</summary>
        public RevisionDiff ChangesAfter(long end, PdfDocument current, Func<long, bool> endorsed)
        {
            try
            {
                return Open(end) is { } signed ? RevisionChanges.Find(signed, current, endorsed) : RevisionDiff.Unreadable;
            }
            catch (SignatureInputException)
            {
                return RevisionDiff.Unreadable;
            }
        }

        /// <summary>The revision ending at <paramref name="end"/>, or null when it is the whole file or cannot be read.</summary>
        public PdfDocument? Open(long end)
        {
            if (end <= 0 || end >= pdf.LongLength)
                return null;
            if (!opened.TryGetValue(end, out var document))
            {
                try
                {
                    document = PdfDocument.Open(pdf.AsMemory(0, (int)end).ToArray(), new ParsingOptions { SkipMissingFonts = true });
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // A revision that cannot be read back cannot be shown to be unchanged: the caller treats it as replaced.
                    document = null;
                }

                opened[end] = document;
            }

            return document;
        }

        public void Dispose()
        {
            foreach (var document in opened.Values)
                document?.Dispose();
        }
    }
}
