using DocBpm.Documents.Signatures;

namespace DocBpm.Documents.Tests.Signatures;

/// <summary>
/// Article 4 against the shadow attacks (hide, replace, hide-and-replace): an unsigned update that changes what a reader
/// sees of an issued document leaves it for reference only, with the reason; allowed changes keep it legally valid.
/// </summary>
[TestClass]
public sealed class ShadowAttackTests
{
    private static readonly TestPki Pki = TestPki.Instance;
    private static readonly SignerRegistration[] Registry = [new(SignerKind.Person, "Hoàng Văn Minh", null, "CCCD:020080001234", null, "Giám đốc")];

    private static SignatureReport Verify(byte[] pdf) => TestPki.Verifier(Pki.Options()).Verify(pdf, Registry);

    private static void AssertNotLegallyValid(SignatureReport report, ChangeKind kind)
    {
        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus, report.Summary);
        Assert.Contains(SignatureReasons.Changed(kind), report.Reasons, report.Summary);
        Assert.IsTrue(report.Signatures.All(s => s.Indication == Indications.TotalFailed && s.SubIndication == SubIndications.FormatFailure), report.Summary);
        Assert.IsTrue(report.Signatures.All(s => s.Reasons.Contains(SignatureReasons.ContentChanged)), report.Summary);
    }

    [TestMethod]
    public async Task Article4_a_widget_added_after_signing_drawing_over_the_signed_text_leaves_the_issued_document_for_reference_only()
    {
        var issued = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        AssertNotLegallyValid(Verify(Tampering.OverlayWidgetOnFirstPage(issued)), ChangeKind.Appearance);
    }

    [TestMethod]
    public async Task Article4_replace_a_page_content_object_redefined_after_signing_leaves_the_document_for_reference_only()
    {
        var issued = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        AssertNotLegallyValid(Verify(Tampering.ReplaceFirstPageContent(issued)), ChangeKind.PageContent);
    }

    [TestMethod]
    public async Task Article4_hide_an_object_of_the_signed_revision_redefined_after_signing_leaves_the_document_for_reference_only()
    {
        var issued = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        AssertNotLegallyValid(Verify(Tampering.RedefineFirstPageFont(issued)), ChangeKind.ObjectReplaced);
    }

    [TestMethod]
    public async Task Article4_hide_and_replace_an_overlay_and_a_replaced_object_are_both_reported()
    {
        var issued = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);

        var report = Verify(Tampering.RedefineFirstPageFont(Tampering.OverlayWidgetOnFirstPage(issued)));

        AssertNotLegallyValid(report, ChangeKind.Appearance);
        Assert.Contains(SignatureReasons.Changed(ChangeKind.ObjectReplaced), report.Reasons);
    }

    [TestMethod]
    public async Task Article4_an_overlay_on_a_file_signed_outside_DocBpm_is_caught_the_same_way()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);
        var legacy = Tampering.Replace(signed, "/SubFilter /ETSI.CAdES.detached", "/SubFilter /adbe.pkcs7.detached");

        var report = Verify(Tampering.OverlayWidgetOnFirstPage(legacy));

        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
        Assert.Contains(SignatureReasons.Changed(ChangeKind.Appearance), report.Reasons, report.Summary);
    }

    [TestMethod]
    [DataRow("replace", ChangeKind.PageContent)]
    [DataRow("hide", ChangeKind.ObjectReplaced)]
    [DataRow("hide-and-replace", ChangeKind.Appearance)]
    public async Task Article4_replace_hide_and_hide_and_replace_on_a_file_signed_outside_DocBpm_are_caught_the_same_way(string attack, ChangeKind kind)
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency);
        var legacy = Tampering.Replace(signed, "/SubFilter /ETSI.CAdES.detached", "/SubFilter /adbe.pkcs7.detached");

        var tampered = attack switch
        {
            "replace" => Tampering.ReplaceFirstPageContent(legacy),
            "hide" => Tampering.RedefineFirstPageFont(legacy),
            _ => Tampering.RedefineFirstPageFont(Tampering.OverlayWidgetOnFirstPage(legacy)),
        };

        var report = Verify(tampered);

        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus, report.Summary);
        Assert.Contains(SignatureReasons.Changed(kind), report.Reasons, report.Summary);
    }

    [TestMethod]
    public async Task Article4_the_agency_signature_added_after_the_personal_one_is_an_allowed_change()
    {
        var report = Verify(await SigningTests.SignTwiceAsync(Pki.Director, Pki.Agency));

        Assert.AreEqual(LegalStatus.LegallyValid, report.LegalStatus, report.Summary);
        Assert.IsFalse(report.Reasons.Any(SignatureReasons.IsForbiddenChange), report.Summary);
    }

    [TestMethod]
    public async Task Etsi_the_signing_time_is_read_from_the_signed_revision_not_from_an_unsigned_update_moving_M()
    {
        var signed = await SigningTests.SignTwiceAsync(Pki.Expired, Pki.Agency);

        var report = Verify(Tampering.MoveClaimedTime(signed, "/M (D:20261125", "/M (D:20250301"));

        var personal = report.Signatures[0];
        Assert.AreEqual(TestPki.SigningTime, personal.SigningTime, "the claim the signer made, not the later one");
        Assert.AreEqual(SubIndications.Expired, personal.SubIndication, report.Summary);
        Assert.Contains(SignatureReasons.Changed(ChangeKind.ObjectReplaced), report.Reasons, "rewriting a signature dictionary is itself a change");
        Assert.AreEqual(LegalStatus.ReferenceOnly, report.LegalStatus);
    }
}
