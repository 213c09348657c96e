using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Signatures;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Edxml;
using Org.BouncyCastle.Security;

namespace DocBpm.Documents.Tests.Exchange;

/// <summary>
/// Issue 21: the XML-DSig of the edXML envelope. Article 8.1a asks who signed, not only whether it verifies; the check
/// accepts one shape (the whole package, enveloped, exclusive C14N) and refuses every way of making a signature say
/// something else (wrapping, external references, XPath/XSLT, unbounded work).
/// </summary>
[TestClass]
public sealed class EnvelopeSignatureTests
{
    private const string Province = "000.00.00.H37";
    private const string Department = "000.00.12.H37";
    private const string Finance = "000.00.13.H37";
    private static readonly TestPki Pki = TestPki.Instance;
    private static readonly TrustMaterial Trust = TrustMaterial.Load(Pki.Options());
    private static readonly DateTimeOffset ArrivedAt = TestPki.SigningTime;

    /// <summary>The admin's registry: the agency certificate of the test PKI belongs to <paramref name="agency"/>.</summary>
    private static SignerRegistration[] Registry(string agency) =>
        [new(SignerKind.Organisation, "UBND tỉnh Lạng Sơn", null, "MNS:1234567", agency, null)];

    private static byte[] Package() => EdxmlWriter.Write(new EdxmlPackage(
        new EdxmlMessageHeader(new EdxmlOrganization(Province, "UBND tỉnh Lạng Sơn"), [new EdxmlOrganization(Department, "Sở Giáo dục và Đào tạo")],
            "45", "UBND-KGVX", "Lạng Sơn", new DateOnly(2026, 11, 25), new EdxmlDocumentType(2, "Công văn"), "Về việc rà soát số liệu học sinh",
            new EdxmlSigner(null, "Chủ tịch", "Hồ Tiến Thiệu"), new EdxmlOtherInfo(EdxmlPriority.Normal), $"{Province},2026/11/25,45/UBND-KGVX"),
        [new EdxmlTrace(Province, ArrivedAt)], new EdxmlBusiness(BusinessDocType.New, null, null, false),
        [new EdxmlAttachment("f1", "45.pdf", "application/pdf", "%PDF-1.7"u8.ToArray())]));

    private static byte[] Signed(TestIdentity? identity = null) =>
        EnvelopeSignature.SignAsync(Package(), (identity ?? Pki.Agency).SigningKey, CancellationToken.None).GetAwaiter().GetResult();

    private static string SignedXmlText() => Encoding.UTF8.GetString(Signed());

    private static EnvelopeVerdict Verdict(byte[] package, string registeredAs = Province) =>
        EnvelopeSignatureCheck.Judge(EnvelopeSignature.Read(package), Province, ArrivedAt, Trust, Registry(registeredAs));

    /// <summary>An RSA agency certificate, for the checks against .NET's own XML-DSig (the test PKI's keys are EC).</summary>
    private static X509Certificate2 SelfSigned(RSA rsa) =>
        new CertificateRequest("CN=Sở Giáo dục và Đào tạo Lạng Sơn", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(ArrivedAt.AddYears(-1), ArrivedAt.AddYears(1));

    private static void AssertRefused(string xml, string reason)
    {
        var read = EnvelopeSignature.Read(Encoding.UTF8.GetBytes(xml));
        Assert.AreEqual(EnvelopeSeal.Refused, read.State);
        StringAssert.Contains(read.Problem, reason);
    }

    [TestMethod]
    public async Task Article8_1a_envelope_signed_with_the_senders_agency_key_is_accepted_and_names_the_sender()
    {
        var signed = await EnvelopeSignature.SignAsync(Package(), Pki.Agency.SigningKey, CancellationToken.None);

        var verdict = Verdict(signed);

        Assert.IsTrue(verdict.Accepted, verdict.Note);
        StringAssert.StartsWith(verdict.Note, "Gói tin có chữ ký số hợp lệ của cơ quan gửi");
        StringAssert.Contains(verdict.Note, Province);
        Assert.IsTrue(EdxmlReader.ReadPackage(signed).IsValid, "a signed package is still an edXML package every reader takes");
    }

    [TestMethod]
    public void Article8_1a_envelope_altered_after_signing_is_refused_as_changed()
    {
        var altered = SignedXmlText().Replace("rà soát số liệu học sinh", "rà soát số liệu giáo viên", StringComparison.Ordinal);

        var verdict = Verdict(Encoding.UTF8.GetBytes(altered));

        Assert.IsFalse(verdict.Accepted);
        StringAssert.Contains(verdict.Note, "gói tin đã bị thay đổi sau khi ký");
    }

    [TestMethod]
    public void Article8_1a_envelope_altered_attachment_is_refused_since_the_signature_covers_the_files()
    {
        var file = Convert.ToBase64String("%PDF-1.7"u8.ToArray());
        var altered = SignedXmlText().Replace(file, Convert.ToBase64String("%PDF-1.4"u8.ToArray()), StringComparison.Ordinal);

        Assert.IsFalse(Verdict(Encoding.UTF8.GetBytes(altered)).Accepted);
    }

    [TestMethod]
    public void Article8_1a_envelope_signed_with_another_agencys_key_is_refused_naming_that_agency()
    {
        var verdict = Verdict(Signed(), registeredAs: Finance);

        Assert.IsFalse(verdict.Accepted);
        StringAssert.Contains(verdict.Note, "không phải của cơ quan gửi");
        StringAssert.Contains(verdict.Note, Finance);
    }

    [TestMethod]
    public void Article8_1a_envelope_signed_with_a_key_missing_from_the_registry_is_taken_in_as_unsigned_saying_why()
    {
        var verdict = EnvelopeSignatureCheck.Judge(EnvelopeSignature.Read(Signed()), Province, ArrivedAt, Trust, []);

        Assert.IsTrue(verdict.Accepted, "stripping the signature would get it in: refusing would only lose the document");
        StringAssert.StartsWith(verdict.Note, "Gói tin có chữ ký số nhưng không xác định được cơ quan ký");
        StringAssert.Contains(verdict.Note, "chưa có trong danh mục chữ ký cơ quan");
    }

    [TestMethod]
    public void Article8_1a_envelope_signed_under_an_untrusted_root_is_taken_in_as_unsigned_saying_why()
    {
        var verdict = Verdict(Signed(Pki.Stranger));

        Assert.IsTrue(verdict.Accepted);
        StringAssert.StartsWith(verdict.Note, "Gói tin có chữ ký số nhưng không xác định được cơ quan ký");
        StringAssert.Contains(verdict.Note, "không do tổ chức chứng thực được tin cậy cấp");
    }

    [TestMethod]
    public void Envelope_without_a_signature_is_accepted_and_recorded_as_unsigned()
    {
        var verdict = Verdict(Package());

        Assert.IsTrue(verdict.Accepted);
        Assert.AreEqual(EnvelopeVerdict.NoSignature, verdict.Note);
    }

    [TestMethod]
    public void Standard_SignedXml_verifies_the_envelope_DocBpm_signs_with_an_RSA_agency_key()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SelfSigned(rsa);
        var key = new SoftwareSigningKey(DotNetUtilities.GetRsaKeyPair(rsa).Private, [new Org.BouncyCastle.X509.X509Certificate(certificate.RawData)]);

        var signed = EnvelopeSignature.SignAsync(Package(), key, CancellationToken.None).GetAwaiter().GetResult();
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new MemoryStream(signed));
        var standard = new SignedXml(document);
        standard.LoadXml((XmlElement)document.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!);

        Assert.IsTrue(standard.CheckSignature(certificate, verifySignatureOnly: true), "another implementation's verifier accepts it");
        Assert.AreEqual(SignedXml.XmlDsigRSASHA256Url, standard.SignatureMethod);
        Assert.AreEqual(EnvelopeSeal.Intact, EnvelopeSignature.Read(signed).State);
    }

    [TestMethod]
    public void Envelope_signed_by_standard_SignedXml_is_read_as_intact()
    {
        using var rsa = RSA.Create(2048);
        using var certificate = SelfSigned(rsa);
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new MemoryStream(Package()));
        var standard = new SignedXml(document) { SigningKey = rsa };
        standard.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        standard.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        standard.AddReference(reference);
        standard.KeyInfo = new KeyInfo();
        standard.KeyInfo.AddClause(new KeyInfoX509Data(certificate));
        standard.ComputeSignature();
        document.GetElementsByTagName("DigitalSignature", EdxmlFormat.Ns.NamespaceName)[0]!.AppendChild(document.ImportNode(standard.GetXml(), true));

        var read = EnvelopeSignature.Read(Encoding.UTF8.GetBytes(document.OuterXml));

        Assert.AreEqual(EnvelopeSeal.Intact, read.State, read.Problem);
    }

    [TestMethod]
    public void Reference_to_anything_outside_the_package_is_refused_without_fetching_it()
    {
        AssertRefused(SignedXmlText().Replace("URI=\"\"", "URI=\"http://127.0.0.1:9/goi-tin.xml\"", StringComparison.Ordinal), "trỏ ra ngoài gói tin");
    }

    [TestMethod]
    [DataRow("http://www.w3.org/TR/1999/REC-xpath-19991116", "<XPath>not(ancestor-or-self::*[local-name()='TraceHeader'])</XPath>")]
    [DataRow("http://www.w3.org/TR/1999/REC-xslt-19991116", "<xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\"/>")]
    public void XPath_and_XSLT_transforms_are_refused(string algorithm, string body)
    {
        var xml = SignedXmlText().Replace("<Transforms>", $"<Transforms><Transform Algorithm=\"{algorithm}\">{body}</Transform>", StringComparison.Ordinal);

        AssertRefused(xml, $"phép biến đổi '{algorithm}' không được chấp nhận");
    }

    [TestMethod]
    public void References_and_transforms_are_bounded_and_a_flood_is_refused_in_well_under_a_second()
    {
        var xml = SignedXmlText();
        var reference = xml[xml.IndexOf("<Reference", StringComparison.Ordinal)..(xml.IndexOf("</Reference>", StringComparison.Ordinal) + 12)];
        var flooded = xml.Replace(reference, string.Concat(Enumerable.Repeat(reference, 5000)), StringComparison.Ordinal);
        var transforms = xml.Replace("<Transforms>", "<Transforms>" + string.Concat(Enumerable.Repeat(
            $"<Transform Algorithm=\"{SignedXml.XmlDsigExcC14NTransformUrl}\" />", EnvelopeSignature.MaxTransforms)), StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        AssertRefused(flooded, "5000 tham chiếu");
        Assert.IsLessThan(1000, clock.ElapsedMilliseconds, "counted before any digest is computed");
        AssertRefused(transforms, $"tối đa {EnvelopeSignature.MaxTransforms}");
    }

    [TestMethod]
    public void A_DTD_is_refused_and_no_entity_is_expanded()
    {
        var xml = SignedXmlText();
        var withDtd = xml.Insert(xml.IndexOf("<edXML ", StringComparison.Ordinal), "<!DOCTYPE edXML [<!ENTITY a \"aaaaaaaaaa\">]>");

        AssertRefused(withDtd, "gói tin không đọc được");
    }

    [TestMethod]
    public void Wrapping_a_second_element_with_the_referenced_Id_is_refused()
    {
        var xml = SignedXmlText().Replace("URI=\"\"", "URI=\"#goi-tin\"", StringComparison.Ordinal)
            .Replace("<edXML:edXMLEnvelope ", "<edXML:edXMLEnvelope Id=\"goi-tin\" ", StringComparison.Ordinal);
        var root = xml.IndexOf("<edXML ", StringComparison.Ordinal) + 7;

        AssertRefused(xml.Insert(root, "Id=\"goi-tin\" "), "khớp 2 phần tử; Id phải là duy nhất");
    }

    [TestMethod]
    public void A_signature_over_another_element_than_the_whole_envelope_is_refused()
    {
        var xml = SignedXmlText().Replace("URI=\"\"", "URI=\"#tieu-de\"", StringComparison.Ordinal)
            .Replace("<edXML:MessageHeader>", "<edXML:MessageHeader Id=\"tieu-de\">", StringComparison.Ordinal);

        AssertRefused(xml, "chữ ký số ký phần tử MessageHeader, không phải toàn bộ gói tin");
    }

    [TestMethod]
    public void A_second_signature_or_one_outside_DigitalSignature_is_refused()
    {
        var xml = SignedXmlText();
        var signature = xml[xml.IndexOf("<Signature", StringComparison.Ordinal)..(xml.IndexOf("</Signature>", StringComparison.Ordinal) + 12)];
        var moved = xml.Replace(signature, "", StringComparison.Ordinal).Replace("</edXML:edXMLBody>", signature + "</edXML:edXMLBody>", StringComparison.Ordinal);

        AssertRefused(xml.Replace("</edXML:edXMLBody>", signature + "</edXML:edXMLBody>", StringComparison.Ordinal), "gói tin mang 2 chữ ký số");
        AssertRefused(moved, "không nằm trong edXMLEnvelope/edXMLHeader/DigitalSignature");
    }

    [TestMethod]
    public void A_signature_value_from_another_key_is_refused()
    {
        var xml = SignedXmlText();
        var other = Encoding.UTF8.GetString(Signed(Pki.Director));
        static string Value(string text) => text[text.IndexOf("<SignatureValue>", StringComparison.Ordinal)..text.IndexOf("</SignatureValue>", StringComparison.Ordinal)];

        AssertRefused(xml.Replace(Value(xml), Value(other), StringComparison.Ordinal), "không khớp với chứng thư số kèm theo");
    }
}
