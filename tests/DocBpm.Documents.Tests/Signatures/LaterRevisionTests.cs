using DocBpm.Documents.Signatures;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>Unsigned updates after the last signature: security data is fine, anything a reader sees is not.</summary>
[TestClass]
public sealed class LaterRevisionTests
{
    private static readonly TestPki Pki = TestPki.Instance;
    private static readonly SignerRegistration[] Registry = [new(SignerKind.Person, "Hoàng Văn Minh", null, "CCCD:020080001234", null, "Giám đốc")];

    private static SignatureReport Verify(byte[] pdf, SignatureOptions options) =>
        TestPki.Verifier(options).Verify(pdf, Registry);

    [TestMethod]
    public async Task CRLs_added_to_the_document_security_store_after_signing_make_the_signatures_checkable()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);
        var withoutCrls = Pki.Options(withCrls: false);

        var before = Verify(signed, withoutCrls);
        var after = Verify(Tampering.AddSecurityStore(signed, Pki.IntermediateCrl.GetEncoded(), Pki.RootCrl.GetEncoded()), withoutCrls);

        Assert.IsTrue(before.Signatures.All(s => s.Status == SignatureStatus.Indeterminate));
        Assert.IsTrue(after.Signatures.All(s => s.Status == SignatureStatus.Valid), after.Summary);
        Assert.Contains(SignatureReasons.UnsignedUpdate, after.Reasons);
        Assert.AreEqual(LegalStatus.LegallyValid, after.LegalStatus);
    }

    [TestMethod]
    public async Task A_text_box_laid_over_the_page_after_signing_invalidates_the_signatures()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        var report = Verify(Tampering.TextBoxOnFirstPage(signed), Pki.Options());

        Assert.IsTrue(report.Signatures.All(s => s.Status == SignatureStatus.Invalid), report.Summary);
        Assert.IsTrue(report.Signatures.All(s => s.Reasons.Contains(SignatureReasons.ContentChanged)));
        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
    }
}
