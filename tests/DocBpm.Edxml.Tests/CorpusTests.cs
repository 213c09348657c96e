using System.Text;

namespace DocBpm.Edxml.Tests;

/// <summary>
/// Issue 21: each variant of the hand-written corpus (<c>Corpus/</c>) read as DocBpm takes it in, and every package and
/// status DocBpm writes read back to the same thing.
/// </summary>
[TestClass]
public sealed class CorpusTests
{
    private const string Original = "000.00.00.H37,2026/12/01,45/UBND-KGVX";

    private static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", name));

    private static EdxmlPackage Package(string name, IdentifierPatterns? identifiers = null)
    {
        var read = EdxmlReader.ReadPackage(Bytes(name), identifiers: identifiers);
        Assert.IsTrue(read.IsValid, string.Join("; ", read.Problems));
        return read.Value!;
    }

    [TestMethod]
    public void Zipped_attachment_sent_as_application_zip_is_taken_in_as_the_files_inside_without_their_folders()
    {
        var package = Package("zipped-attachment.xml");

        var unzipped = ZippedAttachments.Expand(package.Attachments);

        Assert.IsTrue(unzipped.IsValid, string.Join("; ", unzipped.Problems));
        CollectionAssert.AreEqual(new[] { "46.pdf", "46-phu-luc.pdf" }, unzipped.Value!.Select(a => a.Name).ToArray());
        CollectionAssert.AreEqual("%PDF-1.7 cong van 46"u8.ToArray(), unzipped.Value![0].Content);
    }

    [TestMethod]
    public void Status_with_its_fields_in_MessageHeader_instead_of_Status_is_read()
    {
        var read = EdxmlReader.ReadStatus(Bytes("status-in-message-header.xml"));

        Assert.IsTrue(read.IsValid, string.Join("; ", read.Problems));
        Assert.AreEqual(ExchangeStatus.Accepted, read.Value!.Status);
        Assert.AreEqual("000.00.12.H37,2026/11/25,123/QĐ-SGDĐT", read.Value.ResponseFor.DocumentId);
        Assert.AreEqual("Hoàng Thị D", read.Value.Staff!.Staff);
    }

    [TestMethod]
    public void Status_wrapped_in_a_SOAP_envelope_is_read()
    {
        var read = EdxmlReader.ReadStatus(Bytes("status-soap.xml"));

        Assert.IsTrue(read.IsValid, string.Join("; ", read.Problems));
        Assert.AreEqual(ExchangeStatus.Refused, read.Value!.Status);
        Assert.AreEqual("Sai thể thức, đề nghị gửi lại", read.Value.Description);
    }

    [TestMethod]
    public void A_SOAP_body_without_edXML_is_still_refused_as_not_an_envelope()
    {
        var soap = Encoding.UTF8.GetBytes("""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x/></s:Body></s:Envelope>""");

        StringAssert.Contains(EdxmlReader.ReadStatus(soap).Problems.Single().MessageVi, "không đúng cấu trúc edXML");
    }

    [TestMethod]
    public void Update_under_the_originals_header_DocumentId_names_it_and_reads_the_added_recipient()
    {
        var update = Package("update-reusing-header-id.xml");

        Assert.AreEqual(BusinessDocType.Update, update.Business.DocType);
        Assert.AreEqual(Original, update.Header.DocumentId);
        Assert.IsNull(update.Business.CorrectedDocumentId, "the SDK builder names the original by the header alone");
        Assert.AreEqual(new EdxmlReceiverChange("000.00.13.H37", Removed: false), update.Business.ReceiverChanges!.Single());
    }

    [TestMethod]
    public void Replacement_under_the_originals_header_DocumentId_corrects_that_same_identifier()
    {
        var replacement = Package("replace-reusing-header-id.xml");

        Assert.AreEqual(BusinessDocType.Replace, replacement.Business.DocType);
        Assert.AreEqual(replacement.Header.DocumentId, replacement.Business.CorrectedDocumentId);
    }

    [TestMethod]
    public void Revoke_without_any_attachment_is_read()
    {
        var revoke = Package("revoke-without-attachment.xml");

        Assert.AreEqual(BusinessDocType.Revoke, revoke.Business.DocType);
        Assert.AreEqual(0, revoke.Attachments.Count);
    }

    [TestMethod]
    public void UUID_DocumentId_is_refused_by_default_naming_the_national_pattern_and_read_with_the_peers_pattern()
    {
        var national = EdxmlReader.ReadPackage(Bytes("uuid-document-id.xml"));
        var peer = new IdentifierPatterns([], ["[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"]);

        StringAssert.Contains(national.Problems.Single().MessageVi, "không đúng dạng mã cơ quan,yyyy/MM/dd,số/ký hiệu");
        Assert.AreEqual("7d3f0c2e-4a59-4c1b-9f8e-2b6d1e0a5c34", Package("uuid-document-id.xml", peer).Header.DocumentId);
    }

    [TestMethod]
    public void Sandbox_agency_code_is_refused_naming_every_accepted_pattern_unless_the_peer_allows_it()
    {
        var other = new IdentifierPatterns(["VPDT-[0-9]{2}"], ["[0-9a-f-]{36}"]);
        var sandbox = new IdentifierPatterns(["SANDBOX-[A-Z]+-[0-9]{2}"], ["[0-9a-f-]{36}"]);

        var refused = EdxmlReader.ReadPackage(Bytes("sandbox-agency-code.xml"), identifiers: other);

        Assert.AreEqual("mã định danh 'SANDBOX-VPDT-01' không đúng dạng CCC.BB.AA.XNN hoặc VPDT-[0-9]{2}", refused.Problems.Single().MessageVi);
        Assert.AreEqual("SANDBOX-VPDT-01", Package("sandbox-agency-code.xml", sandbox).Header.From.OrganId);
    }

    [TestMethod]
    public void A_pattern_matches_the_whole_identifier_not_a_part_of_it()
    {
        var peer = new IdentifierPatterns(["VPDT-[0-9]{2}"], []);

        Assert.IsTrue(peer.IsAgencyCode("VPDT-01"));
        Assert.IsFalse(peer.IsAgencyCode("x VPDT-01 y"));
    }

    [TestMethod]
    [DataRow("other-system-new.xml")]
    [DataRow("zipped-attachment.xml")]
    [DataRow("update-reusing-header-id.xml")]
    [DataRow("replace-reusing-header-id.xml")]
    [DataRow("revoke-without-attachment.xml")]
    public void Every_corpus_package_DocBpm_writes_back_is_read_back_identically(string name)
    {
        var written = EdxmlWriter.Write(Package(name));

        var again = EdxmlWriter.Write(EdxmlReader.ReadPackage(written).Value!);

        CollectionAssert.AreEqual(written, again, Encoding.UTF8.GetString(written));
    }

    [TestMethod]
    [DataRow("status-in-message-header.xml")]
    [DataRow("status-soap.xml")]
    public void Every_corpus_status_DocBpm_writes_back_is_read_back_identically(string name)
    {
        var written = EdxmlWriter.Write(EdxmlReader.ReadStatus(Bytes(name)).Value!);

        var read = EdxmlReader.ReadStatus(written);

        Assert.IsTrue(read.IsValid, string.Join("; ", read.Problems));
        CollectionAssert.AreEqual(written, EdxmlWriter.Write(read.Value!));
    }

    [TestMethod]
    public void A_recipient_change_is_part_of_the_content_hash_so_two_updates_differing_only_in_it_are_not_a_redelivery()
    {
        var update = Package("update-reusing-header-id.xml");
        var removal = update with { Business = update.Business with { ReceiverChanges = [new EdxmlReceiverChange("000.00.13.H37", Removed: true)] } };

        Assert.AreNotEqual(EdxmlContentHash.Of(update), EdxmlContentHash.Of(removal));
    }

    [TestMethod]
    public void The_trace_stamp_is_added_on_the_tree_read_once_keeping_the_senders_whitespace()
    {
        var read = EdxmlReader.ReadPackage(Bytes("other-system-new.xml"));

        var stamped = read.Stamped("000.00.00.H37", Vietnam.At(2026, 12, 1, 9, 0));
        var again = read.Stamped("000.00.00.H37", Vietnam.At(2026, 12, 1, 9, 0));

        var text = Encoding.UTF8.GetString(stamped);
        StringAssert.Contains(text, "<edXML:OrganName>UBND tỉnh Lạng Sơn</edXML:OrganName></edXML:From>\n        <edXML:To>");
        CollectionAssert.AreEqual(stamped, again, "stamping leaves the read result as it was");
        var trace = EdxmlReader.ReadPackage(stamped).Value!.Traces.Single();
        Assert.AreEqual(Vietnam.At(2026, 12, 1, 9, 0), trace.Timestamp);
    }
}
