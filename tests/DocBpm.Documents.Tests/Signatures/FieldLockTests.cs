using System.Security.Cryptography;
using System.Text;
using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>
/// Article 4 with FieldMDP (ISO 32000-1 §12.8.2.4): a signature may lock form fields; a later change to a locked field
/// leaves the document for reference only, naming the field, even where the certification's DocMDP permits form filling.
/// </summary>
[TestClass]
public sealed class FieldLockTests
{
    private static readonly TestPki Pki = TestPki.Instance;
    private static readonly SignerRegistration[] Registry = [new(SignerKind.Person, "Hoàng Văn Minh", null, "CCCD:020080001234", null, "Giám đốc")];

    /// <summary>Long enough that its hex /Name leaves room for the /Reference array written over it.</summary>
    private const string RoomyName = "Hoàng Văn Minh, Giám đốc Sở Giáo dục và Đào tạo Lạng Sơn";

    private const string DocMdp2 = "<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P 2 /V /1.2 >> >>";

    private static string FieldMdp(string action, params string[] fields) =>
        $"<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams << /Type /TransformParams /Action /{action}"
        + (fields.Length == 0 ? string.Empty : $" /Fields [{string.Concat(fields.Select(f => $"({f})"))}]") + " /V /1.2 >> >>";

    /// <summary>
    /// The fee form of <see cref="ChangesAfterSigningTests"/>: the director certifies it (DocMDP P=2) with
    /// <paramref name="directorLock"/>, then the agency signs with <paramref name="agencyLock"/>.
    /// </summary>
    private static async Task<byte[]> IssuedFormAsync(string? directorLock, string? agencyLock = null)
    {
        var form = Tampering.OverlayWidgetOnFirstPage(TestDocuments.OfficialLetter(), "Le phi: 100.000 VND");
        var certified = await SignAsync(form, Pki.Director, SignatureAppearance.For(SignatureRole.Personal, RoomyName) with { CertificationPermission = 2 },
            $"/Reference [{DocMdp2} {directorLock}]");
        return await SignAsync(certified, Pki.Agency, SignatureAppearance.For(SignatureRole.Agency, RoomyName),
            agencyLock is null ? null : $"/Reference [{agencyLock}]");
    }

    /// <summary>Signs as <see cref="PdfSigner"/> does, with <paramref name="references"/> written over the signature dictionary's /Name (and /Reference).</summary>
    private static async Task<byte[]> SignAsync(byte[] pdf, TestIdentity identity, SignatureAppearance appearance, string? references)
    {
        var signer = new PdfSigner(Options.Create(Pki.Options()), new FakeTimeProvider(TestPki.SigningTime));
        var prepared = signer.Prepare(pdf, identity.Chain, appearance);
        if (references is not null)
        {
            var text = Encoding.Latin1.GetString(prepared.Pdf);
            var from = text.LastIndexOf("/Name <", StringComparison.Ordinal);
            var to = text.IndexOf(" /Contents <", from, StringComparison.Ordinal);
            Assert.IsLessThanOrEqualTo(to - from, references.Length, "the signer's name leaves too little room");
            var patched = Tampering.Replace(prepared.Pdf, text[from..to], references.PadRight(to - from), last: true);
            var range = new[] { 0, prepared.ContentsStart, prepared.ContentsEnd, patched.LongLength - prepared.ContentsEnd };
            prepared = prepared with
            {
                Pdf = patched,
                ToBeSigned = CadesBuilder.SignedAttributes(SHA256.HashData(PdfSigner.SignedBytes(patched, range)), identity.Certificate),
            };
        }

        return await signer.CompleteAsync(prepared, await identity.SigningKey.SignAsync(prepared.ToBeSigned, CancellationToken.None), CancellationToken.None);
    }

    private static SignatureReport Verify(byte[] pdf) => TestPki.Verifier(Pki.Options()).Verify(pdf, Registry);

    [TestMethod]
    public async Task Article4_FieldMDP_a_later_change_to_a_field_the_certification_locked_leaves_the_document_for_reference_only_naming_the_field()
    {
        var issued = await IssuedFormAsync(FieldMdp("Include", "payment"));
        Assert.AreEqual(LegalStatus.LegallyValid, Verify(issued).LegalStatus, "as issued");

        var report = Verify(Tampering.FillField(issued, "Le phi: 200.000 VND"));

        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus, report.Summary);
        Assert.Contains(SignatureReasons.LockedFieldChanged("payment"), report.Reasons);
        Assert.Contains("payment", SignatureReasons.LockedFieldChanged("payment").Message);
        Assert.DoesNotContain(SignatureReasons.Permitted(ChangeKind.FormFilling), report.Reasons);
        VerificationTests.AssertVerdict(report.Signatures[0], Indications.TotalFailed, SubIndications.FormatFailure);
    }

    [TestMethod]
    public async Task Article4_FieldMDP_under_DocMDP_2_a_change_to_a_field_left_unlocked_is_permitted()
    {
        var include = Verify(Tampering.FillField(await IssuedFormAsync(FieldMdp("Include", "recipient")), "Le phi: 200.000 VND"));
        var exclude = Verify(Tampering.FillField(await IssuedFormAsync(FieldMdp("Exclude", "payment")), "Le phi: 200.000 VND"));

        foreach (var report in new[] { include, exclude })
        {
            Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, report.Summary);
            Assert.Contains(SignatureReasons.Permitted(ChangeKind.FormFilling), report.Reasons);
            Assert.IsFalse(report.Reasons.Any(SignatureReasons.IsForbiddenChange), report.Summary);
        }
    }

    [TestMethod]
    public async Task Article4_FieldMDP_All_on_an_approval_signature_fails_that_signature_when_any_field_changes_later()
    {
        var report = Verify(Tampering.FillField(await IssuedFormAsync(null, FieldMdp("All")), "Le phi: 200.000 VND"));

        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus, report.Summary);
        Assert.Contains(SignatureReasons.LockedFieldChanged("payment"), report.Reasons);
        VerificationTests.AssertVerdict(report.Signatures[0], Indications.TotalPassed, null);
        VerificationTests.AssertVerdict(report.Signatures[1], Indications.TotalFailed, SubIndications.FormatFailure);
    }

    [TestMethod]
    public void Article4_FieldMDP_a_named_field_locks_the_fields_below_it_and_only_those()
    {
        var include = new FieldLock(FieldLockAction.Include, new HashSet<string> { "payment" });
        var exclude = new FieldLock(FieldLockAction.Exclude, new HashSet<string> { "payment" });

        Assert.IsTrue(include.Locks("payment"));
        Assert.IsTrue(include.Locks("payment.amount"));
        Assert.IsFalse(include.Locks("paymentDate"));
        Assert.IsFalse(exclude.Locks("payment.amount"));
        Assert.IsTrue(exclude.Locks("paymentDate"));
        Assert.IsTrue(new FieldLock(FieldLockAction.All, new HashSet<string>()).Locks("anything"));
    }

    [TestMethod]
    public void Article4_FieldMDP_a_lock_naming_several_fields_locks_each_of_them()
    {
        var fields = new HashSet<string> { "payment", "date" };

        Assert.IsTrue(new FieldLock(FieldLockAction.Include, fields).Locks("date"));
        Assert.IsFalse(new FieldLock(FieldLockAction.Exclude, fields).Locks("date"));
    }

    /// <summary>The locks read from a signature dictionary whose /Reference array holds <paramref name="references"/>.</summary>
    private static List<FieldLock> Read(string references)
    {
        var signature = default(UglyToad.PdfPig.Core.IndirectReference);
        var pdf = Tampering.Update(TestDocuments.OfficialLetter(), (_, update) =>
        {
            signature = update.Allocate();
            update.SetRaw(signature, Encoding.Latin1.GetBytes($"<< /Type /Sig /Reference [{references}] >>"));
        });
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return FieldLock.Read(document, document.Dictionary(signature));
    }

    [TestMethod]
    public void Article4_FieldMDP_the_locks_are_read_from_the_FieldMDP_references_only_with_their_fields()
    {
        var locks = Read($"{DocMdp2} {FieldMdp("Include", "payment", "recipient")} {FieldMdp("Exclude", "note")}");

        Assert.HasCount(2, locks);
        Assert.AreEqual(FieldLockAction.Include, locks[0].Action);
        Assert.IsTrue(locks[0].Fields.SetEquals(["payment", "recipient"]));
        Assert.AreEqual(FieldLockAction.Exclude, locks[1].Action);
        Assert.IsTrue(locks[1].Fields.SetEquals(["note"]));
    }

    [TestMethod]
    public void Article4_FieldMDP_a_lock_whose_action_or_parameters_cannot_be_read_locks_every_field()
    {
        var unknown = Read(FieldMdp("Everything", "payment")).Single();
        var bare = Read("<< /Type /SigRef /TransformMethod /FieldMDP >>").Single();

        Assert.AreEqual(FieldLockAction.All, unknown.Action);
        Assert.AreEqual(FieldLockAction.All, bare.Action);
        Assert.IsTrue(bare.Locks("recipient"));
    }
}
