using System.Net;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using Microsoft.Extensions.Time.Testing;
using static DocBpm.Axis.Tests.AxisFactory;

namespace DocBpm.Axis.Tests;

/// <summary>Issue 14: the axis lets an agency speak only for itself, and only about documents it is a party to.</summary>
[TestClass]
public sealed class ExchangeIdentityTests
{
    private static readonly DateTimeOffset Now = VietnamTime.At(2026, 12, 6, 9, 0);

    private static byte[] Package(string from, string documentId) => EdxmlWriter.Write(new EdxmlPackage(
        new EdxmlMessageHeader(new EdxmlOrganization(from, "Cơ quan gửi"), [new EdxmlOrganization(Department, "Sở Giáo dục và Đào tạo")],
            "01", "QĐ-UBND", "Lạng Sơn", new DateOnly(2026, 12, 6), new EdxmlDocumentType(1, "Quyết định"), "Về việc giao chỉ tiêu",
            new EdxmlSigner(null, "Chủ tịch", "Lê Văn C"), new EdxmlOtherInfo(EdxmlPriority.Normal), documentId),
        [], new EdxmlBusiness(BusinessDocType.New, null, null, false),
        [new EdxmlAttachment("f1", "01.pdf", "application/pdf", "%PDF-1.7"u8.ToArray())]));

    private static byte[] Status(string from, string documentId) => EdxmlWriter.Write(new EdxmlStatus(
        new EdxmlResponseFor(Province, "01/QĐ-UBND", new DateOnly(2026, 12, 6), documentId), new EdxmlOrganization(from, "Cơ quan báo"),
        ExchangeStatus.Accepted, null, Now, null));

    [TestMethod]
    public async Task Squatted_identifier_a_package_carrying_another_agencys_document_identifier_is_refused_with_the_reason()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(Now));
        const string provinceId = Province + ",2026/12/06,01/QĐ-UBND";

        var squatted = await Assert.ThrowsExactlyAsync<AxisRefusedException>(() =>
            axis.ClientFor(Finance).SendAsync(Package(Finance, provinceId), CancellationToken.None));
        var genuine = await axis.ClientFor(Province).SendAsync(Package(Province, provinceId), CancellationToken.None);

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, squatted.Status);
        StringAssert.Contains(squatted.Problems.Single(), "không phải cơ quan gửi " + Finance);
        Assert.AreEqual(provinceId, genuine.DocumentId, "the identifier's own agency sends it as usual");
    }

    [TestMethod]
    public async Task A_status_from_an_agency_that_is_not_a_party_to_the_document_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(Now));
        const string provinceId = Province + ",2026/12/06,01/QĐ-UBND";
        await axis.ClientFor(Province).SendAsync(Package(Province, provinceId), CancellationToken.None);

        var stranger = await Assert.ThrowsExactlyAsync<AxisRefusedException>(() =>
            axis.ClientFor(Finance).SendStatusAsync(Status(Finance, provinceId), CancellationToken.None));
        var recipient = await axis.ClientFor(Department).SendStatusAsync(Status(Department, provinceId), CancellationToken.None);

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, stranger.Status);
        StringAssert.Contains(stranger.Problems.Single(), "không phải nơi gửi hoặc nơi nhận");
        Assert.AreEqual(provinceId, recipient.DocumentId, "the recipient reports as usual");
    }
}
