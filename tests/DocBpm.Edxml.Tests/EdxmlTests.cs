using System.Text;

namespace DocBpm.Edxml.Tests;

[TestClass]
public sealed class EdxmlTests
{
    private static readonly EdxmlOrganization Department = new("000.00.12.H37", "Sở Giáo dục và Đào tạo", "UBND tỉnh Lạng Sơn");
    private static readonly EdxmlOrganization Province = new("000.00.00.H37", "UBND tỉnh Lạng Sơn");

    private static EdxmlPackage Sample() => new(
        new EdxmlMessageHeader(Department, [Province, new("000.00.13.H37", "Sở Tài chính")], "123", "QĐ-SGDĐT", "Lạng Sơn",
            new DateOnly(2026, 11, 25), new EdxmlDocumentType(1, "Quyết định"), "Về việc giao chỉ tiêu tuyển sinh năm học 2027–2028",
            new EdxmlSigner("KT. GIÁM ĐỐC", "Phó Giám đốc", "Nguyễn Văn A"),
            new EdxmlOtherInfo(EdxmlPriority.Immediate, "Lưu hành nội bộ", "VT", 3, 2, ["Phụ lục I"]),
            "000.00.12.H37,2026/11/25,123/QĐ-SGDĐT", "Tóm tắt nội dung", new DateOnly(2026, 12, 5), ["Như Điều 3"],
            [new EdxmlResponseFor("000.00.00.H37", "45/UBND-KGVX", new DateOnly(2026, 11, 1), "000.00.00.H37,2026/11/01,45/UBND-KGVX")]),
        [new EdxmlTrace("000.00.12.H37", Vietnam.At(2026, 11, 25, 9, 15))],
        new EdxmlBusiness(BusinessDocType.New, "Văn bản mới", new EdxmlStaff("Văn phòng", "Trần Thị B"), PaperAlsoSent: true),
        [new EdxmlAttachment("6b1f", "123-QD-SGDDT.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7 test"))]);

    [TestMethod]
    public void A_package_round_trips_through_edxml()
    {
        var package = Sample();

        var read = EdxmlReader.ReadPackage(EdxmlWriter.Write(package));

        Assert.IsTrue(read.IsValid, string.Join("; ", read.Problems));
        var header = read.Value!.Header;
        Assert.AreEqual(package.Header with { To = header.To, ToPlaces = header.ToPlaces, ResponseFor = header.ResponseFor, OtherInfo = header.OtherInfo }, header);
        CollectionAssert.AreEqual(package.Header.To.ToArray(), header.To.ToArray());
        CollectionAssert.AreEqual(package.Header.ResponseFor!.ToArray(), header.ResponseFor!.ToArray());
        Assert.AreEqual(EdxmlPriority.Immediate, header.OtherInfo.Priority);
        Assert.AreEqual("Phụ lục I", header.OtherInfo.Appendixes!.Single());
        Assert.AreEqual(package.Traces.Single().Timestamp, read.Value.Traces.Single().Timestamp);
        Assert.IsTrue(read.Value.Business.PaperAlsoSent);
        CollectionAssert.AreEqual(package.Attachments[0].Content, read.Value.Attachments.Single().Content);
    }

    [TestMethod]
    public void Article9_5_a_replacement_names_the_document_it_replaces_and_a_correction_notice_the_one_it_corrects()
    {
        const string original = "000.00.12.H37,2026/11/20,118/QĐ-SGDĐT";
        var replacement = Sample() with
        {
            Business = new EdxmlBusiness(BusinessDocType.Replace, "Thay thế do sai nội dung", null, PaperAlsoSent: false, original,
                [new EdxmlReplacement(original, ["000.00.00.H37", "000.00.13.H37"])]),
        };
        var notice = Sample() with { Business = new EdxmlBusiness(BusinessDocType.Update, null, null, PaperAlsoSent: false, original) };

        var xml = Encoding.UTF8.GetString(EdxmlWriter.Write(replacement));
        var replaced = EdxmlReader.ReadPackage(Encoding.UTF8.GetBytes(xml));
        var corrected = EdxmlReader.ReadPackage(EdxmlWriter.Write(notice));

        StringAssert.Contains(xml, $"<edXML:ReplacementInfo><edXML:DocumentId>{original}</edXML:DocumentId><edXML:OrganIdList><edXML:OrganId>000.00.00.H37</edXML:OrganId>");
        Assert.IsTrue(replaced.IsValid, string.Join("; ", replaced.Problems));
        Assert.AreEqual(original, replaced.Value!.Business.CorrectedDocumentId);
        CollectionAssert.AreEqual(new[] { "000.00.00.H37", "000.00.13.H37" }, replaced.Value.Business.Replacements!.Single().OrganIds.ToArray());
        Assert.AreEqual(original, corrected.Value!.Business.CorrectedDocumentId);
        Assert.IsNull(corrected.Value.Business.Replacements, "a correction notice lists no replaced document");
        Assert.IsNull(EdxmlReader.ReadPackage(EdxmlWriter.Write(Sample())).Value!.Business.CorrectedDocumentId, "a new document corrects nothing");
    }

    [TestMethod]
    public void A_correction_naming_a_malformed_document_identifier_is_refused()
    {
        var package = Sample() with { Business = new EdxmlBusiness(BusinessDocType.Update, null, null, PaperAlsoSent: false, "118/QĐ-SGDĐT") };

        var read = EdxmlReader.ReadPackage(EdxmlWriter.Write(package));

        Assert.IsNull(read.Value);
        CollectionAssert.Contains(read.Problems.Select(p => p.Path).ToList(), "Bussiness/DocumentId");
    }

    [TestMethod]
    public void The_envelope_uses_the_qcvn_102_namespace_and_vietnam_time()
    {
        var xml = Encoding.UTF8.GetString(EdxmlWriter.Write(Sample()));

        StringAssert.Contains(xml, "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">");
        StringAssert.Contains(xml, "<edXML:PromulgationDate>2026/11/25</edXML:PromulgationDate>");
        StringAssert.Contains(xml, "<edXML:Timestamp>2026/11/25 09:15:00</edXML:Timestamp>");
        StringAssert.Contains(xml, "xlink:href=\"cid:6b1f\"");
    }

    [TestMethod]
    public void An_incomplete_package_is_refused_with_every_problem_listed()
    {
        var xml = Encoding.UTF8.GetString(EdxmlWriter.Write(Sample()))
            .Replace("<edXML:Subject>Về việc giao chỉ tiêu tuyển sinh năm học 2027–2028</edXML:Subject>", "<edXML:Subject/>", StringComparison.Ordinal)
            .Replace("000.00.13.H37", "13-H37", StringComparison.Ordinal)
            .Replace("<edXML:PromulgationDate>2026/11/25</edXML:PromulgationDate>", "<edXML:PromulgationDate>2026/13/45</edXML:PromulgationDate>", StringComparison.Ordinal)
            .Replace("<edXML:DocumentId>000.00.12.H37,2026/11/25,123/QĐ-SGDĐT</edXML:DocumentId>", "<edXML:DocumentId>123</edXML:DocumentId>", StringComparison.Ordinal);

        var read = EdxmlReader.ReadPackage(Encoding.UTF8.GetBytes(xml));

        Assert.IsNull(read.Value);
        var paths = read.Problems.Select(p => p.Path).ToList();
        CollectionAssert.Contains(paths, "MessageHeader/Subject");
        CollectionAssert.Contains(paths, "MessageHeader/To[2]/OrganId");
        CollectionAssert.Contains(paths, "MessageHeader/PromulgationInfo/PromulgationDate");
        CollectionAssert.Contains(paths, "MessageHeader/DocumentId");
        Assert.IsTrue(read.Problems.All(p => p.MessageVi.Length > 0));
    }

    [TestMethod]
    public void Dtds_external_entities_and_oversized_packages_are_refused()
    {
        const string withDtd = """<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&x;</edXML>""";

        var dtd = EdxmlReader.ReadPackage(Encoding.UTF8.GetBytes(withDtd));
        var big = EdxmlReader.ReadPackage(EdxmlWriter.Write(Sample()), new EdxmlLimits(100, 10, 10));
        var tooManyFiles = EdxmlReader.ReadPackage(EdxmlWriter.Write(Sample()), new EdxmlLimits(1_000_000, 0, 10));
        var notEdxml = EdxmlReader.ReadPackage("<html/>"u8.ToArray());

        StringAssert.Contains(dtd.Problems.Single().Message, "DTD");
        StringAssert.Contains(big.Problems.Single().Message, "larger than");
        StringAssert.Contains(tooManyFiles.Problems.Single().Message, "attachments");
        StringAssert.Contains(notEdxml.Problems.Single().Message, "edXML envelope");
    }

    [TestMethod]
    public void Status_messages_round_trip_with_their_two_digit_codes()
    {
        var status = new EdxmlStatus(Sample().Header.ResponseFor![0], Department, ExchangeStatus.Refused, "Gửi nhầm cơ quan",
            Vietnam.At(2026, 11, 25, 10, 0), new EdxmlStaff("Văn phòng", "Văn thư"));

        var bytes = EdxmlWriter.Write(status);
        var read = EdxmlReader.ReadStatus(bytes);

        StringAssert.Contains(Encoding.UTF8.GetString(bytes), "<edXML:StatusCode>02</edXML:StatusCode>");
        Assert.IsTrue(read.IsValid, string.Join("; ", read.Problems));
        Assert.AreEqual(status with { Staff = read.Value!.Staff }, read.Value);
        Assert.IsFalse(ExchangeStatusCodes.TryParse("07", out _), "codes not in the axis specification are refused");
    }

    [TestMethod]
    public void Identifiers_follow_the_national_formats()
    {
        var id = DocumentIdentifier.Parse("000.00.04.G14,2012/08/06,267/VPCP-TTĐT");

        Assert.AreEqual("000.00.04.G14", id.Agency.Value);
        Assert.AreEqual(new DateOnly(2012, 8, 6), id.PromulgationDate);
        Assert.AreEqual("267/VPCP-TTĐT", id.Code);
        Assert.AreEqual("000.00.04.G14,2012/08/06,267/VPCP-TTĐT", id.ToString());
        Assert.IsFalse(AgencyCode.TryParse("00.00.04.G14", out _));
        Assert.IsFalse(AgencyCode.TryParse("000.00.04.g14", out _));
        Assert.IsFalse(DocumentIdentifier.TryParse("000.00.04.G14,2012-08-06,267/VPCP", out _));
        Assert.IsFalse(DocumentIdentifier.TryParse("000.00.04.G14,2012/08/06,267", out _));
    }

    [TestMethod]
    public void A_package_nesting_elements_deeper_than_the_limit_is_refused_before_a_tree_is_built()
    {
        var deep = string.Concat(Enumerable.Repeat("<a>", 32_000)) + string.Concat(Enumerable.Repeat("</a>", 32_000));
        var xml = $"""<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">{deep}</edXML>""";

        var read = EdxmlReader.ReadPackage(Encoding.UTF8.GetBytes(xml));

        // The refusal comes from the streaming pre-scan (issue 16: 32k nested elements took 13 s to build as a tree).
        StringAssert.Contains(read.Problems.Single().Message, "deeper than 32 levels");
    }

    [TestMethod]
    public void The_full_envelope_other_implementations_write_is_written_and_read_back()
    {
        var package = Sample() with
        {
            Header = Sample().Header with
            {
                DocumentType = new EdxmlDocumentType(1, "Quyết định", 3),
                OtherInfo = Sample().Header.OtherInfo with { Direction = true },
            },
        };
        var status = new EdxmlStatus(Sample().Header.ResponseFor![0], Department, ExchangeStatus.Accepted, null, Vietnam.At(2026, 11, 25, 10, 0), null);

        var xml = Encoding.UTF8.GetString(EdxmlWriter.Write(package));
        var read = EdxmlReader.ReadPackage(Encoding.UTF8.GetBytes(xml)).Value!;

        StringAssert.Contains(xml, "<edXML:TypeDetail>3</edXML:TypeDetail>");
        StringAssert.Contains(xml, "<edXML:Direction>true</edXML:Direction>");
        StringAssert.Contains(xml, "xlink:role=\"attachment\"><edXML:ContentId>6b1f</edXML:ContentId>");
        StringAssert.Contains(xml, "<edXML:TraceHeaderList id=\"TraceHeaderList\" version=\"1.0\" mustUnderstand=\"1\" actor=\"http://schemas.xmlsoap.org/soap/actor/next\">");
        StringAssert.Contains(Encoding.UTF8.GetString(EdxmlWriter.Write(status)), "<edXML:StaffInfo><edXML:Department></edXML:Department>");
        Assert.AreEqual(package.Header.DocumentType, read.Header.DocumentType);
        Assert.IsTrue(read.Header.OtherInfo.Direction);
        Assert.IsNull(EdxmlReader.ReadStatus(EdxmlWriter.Write(status)).Value!.Staff, "an empty StaffInfo reads as none");
    }
}
