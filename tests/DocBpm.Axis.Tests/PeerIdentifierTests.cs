using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using static DocBpm.Axis.Tests.AxisFactory;

namespace DocBpm.Axis.Tests;

/// <summary>
/// Issue 21: the national identifier formats are the default; an agency registered with other patterns (a sandbox axis's
/// codes, UUID document identifiers) may use them, and a refusal names the accepted patterns.
/// </summary>
[TestClass]
public sealed class PeerIdentifierTests
{
    private const string Sandbox = "SANDBOX-VPDT-01";
    private const string Uuid = "0b6c1a7e-93d2-4f0a-8c55-6e2f4d9a1b70";

    private static byte[] Package(string from, string documentId) => EdxmlWriter.Write(new EdxmlPackage(
        new EdxmlMessageHeader(new EdxmlOrganization(from, "Hệ thống thử nghiệm"), [new EdxmlOrganization(Department, "Sở Giáo dục và Đào tạo")],
            "7", "VPDT", "Hà Nội", new DateOnly(2026, 12, 1), new EdxmlDocumentType(2, "Công văn"), "Về việc thử nghiệm liên thông",
            new EdxmlSigner(null, null, ""), new EdxmlOtherInfo(EdxmlPriority.Normal), documentId),
        [], new EdxmlBusiness(BusinessDocType.New, null, null, false),
        [new EdxmlAttachment("f1", "7.pdf", "application/pdf", "%PDF-1.7"u8.ToArray())]));

    private static WebApplicationFactory<Program> WithSandbox(AxisFactory axis) => axis.WithWebHostBuilder(b => b
        .UseSetting("Axis:Agencies:3:Code", Sandbox)
        .UseSetting("Axis:Agencies:3:Name", "Hệ thống thử nghiệm")
        .UseSetting("Axis:Agencies:3:Key", Key(Sandbox))
        .UseSetting("Axis:Agencies:3:Identifiers:AgencyCodePatterns:0", "SANDBOX-[A-Z]+-[0-9]{2}")
        .UseSetting("Axis:Agencies:3:Identifiers:DocumentIdPatterns:0", "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"));

    private static AxisClient ClientFor(WebApplicationFactory<Program> axis, string agency)
    {
        var http = axis.CreateClient();
        AxisClient.Configure(http, new AxisConnection { AxisUrl = http.BaseAddress, AgencyCode = agency, AgencyKey = Key(agency) });
        return new AxisClient(http);
    }

    [TestMethod]
    public async Task A_sandbox_agency_registered_with_its_patterns_sends_a_UUID_identified_package()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(VietnamTime.At(2026, 12, 1, 9, 0)));
        await using var sandbox = WithSandbox(axis);

        var receipt = await ClientFor(sandbox, Sandbox).SendAsync(Package(Sandbox, Uuid), CancellationToken.None);

        Assert.AreEqual(Uuid, receipt.DocumentId);
        Assert.AreEqual(Uuid, (await ClientFor(sandbox, Department).PendingAsync(CancellationToken.None)).Single().DocumentId);
    }

    [TestMethod]
    public async Task A_UUID_identifier_from_an_agency_without_that_pattern_is_refused_naming_the_national_pattern()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(VietnamTime.At(2026, 12, 1, 9, 0)));

        var refused = await Assert.ThrowsExactlyAsync<AxisRefusedException>(() => axis.ClientFor(Province).SendAsync(Package(Province, Uuid), CancellationToken.None));

        StringAssert.Contains(refused.Problems.Single(), $"mã định danh văn bản '{Uuid}' không đúng dạng mã cơ quan,yyyy/MM/dd,số/ký hiệu");
    }
}
