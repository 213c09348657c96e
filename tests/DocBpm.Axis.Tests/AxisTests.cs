using System.Net;
using System.Text;
using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using Microsoft.Extensions.Time.Testing;
using static DocBpm.Axis.Tests.AxisFactory;

namespace DocBpm.Axis.Tests;

/// <summary>The exchange axis as agencies use it: send, list, fetch, acknowledge, report status.</summary>
[TestClass]
public sealed class AxisTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    private static readonly DateTimeOffset Now = VietnamTime.At(2026, 11, 25, 9, 0);

    private static byte[] Package(string from, params string[] to) => EdxmlWriter.Write(new EdxmlPackage(
        new EdxmlMessageHeader(new EdxmlOrganization(from, "Sở Giáo dục và Đào tạo"), [.. to.Select(t => new EdxmlOrganization(t, "Nơi nhận"))],
            "123", "SGDĐT-VP", "Lạng Sơn", new DateOnly(2026, 11, 25), new EdxmlDocumentType(2, "Công văn"), "Về việc báo cáo số liệu",
            new EdxmlSigner("KT. GIÁM ĐỐC", "Phó Giám đốc", "Nguyễn Văn A"), new EdxmlOtherInfo(EdxmlPriority.Urgent),
            $"{from},2026/11/25,123/SGDĐT-VP"),
        [new EdxmlTrace(from, Now)], new EdxmlBusiness(BusinessDocType.New, null, null, false),
        [new EdxmlAttachment("f1", "123.pdf", "application/pdf", "%PDF-1.7"u8.ToArray())]));

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_document_reaches_each_recipient_and_their_status_flows_back(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(Now));
        var department = axis.ClientFor(Department);
        var province = axis.ClientFor(Province);
        var finance = axis.ClientFor(Finance);

        var receipt = await department.SendAsync(Package(Department, Province, Finance), CancellationToken.None);

        Assert.AreEqual(Now, receipt.ReceivedAt, "the axis's receipt time is the send time");
        CollectionAssert.AreEquivalent(new[] { Province, Finance }, receipt.Recipients.ToArray());
        var pending = (await province.PendingAsync(CancellationToken.None)).Single();
        var received = EdxmlReader.ReadPackage(await province.FetchAsync(pending.PackageId, CancellationToken.None));
        Assert.IsTrue(received.IsValid, string.Join("; ", received.Problems));
        CollectionAssert.AreEqual(new[] { Department, Province }, received.Value!.Traces.Select(t => t.OrganId).ToArray(), "the axis adds its hop");
        Assert.AreEqual(0, (await department.PendingAsync(CancellationToken.None)).Count, "a sender does not receive its own package");

        await province.AcknowledgeAsync(pending.PackageId, CancellationToken.None);
        Assert.AreEqual(0, (await province.PendingAsync(CancellationToken.None)).Count);
        Assert.AreEqual(1, (await finance.PendingAsync(CancellationToken.None)).Count, "each recipient acknowledges for itself");

        axis.Clock.Advance(TimeSpan.FromMinutes(5));
        var responseFor = new EdxmlResponseFor(Department, "123/SGDĐT-VP", new DateOnly(2026, 11, 25), receipt.DocumentId);
        await province.SendStatusAsync(EdxmlWriter.Write(new EdxmlStatus(responseFor, new EdxmlOrganization(Province, "UBND tỉnh Lạng Sơn"),
            ExchangeStatus.Accepted, null, axis.Clock.GetUtcNow(), null)), CancellationToken.None);
        var statuses = await department.StatusesAsync(receipt.DocumentId, CancellationToken.None);
        Assert.AreEqual("03", statuses.Single().StatusCode);
        Assert.AreEqual(Province, statuses.Single().FromCode);
    }

    [TestMethod]
    public async Task A_signed_package_is_passed_on_byte_for_byte_without_the_axis_hop_which_would_break_its_signature()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(Now));
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        using var certificate = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Sở Giáo dục và Đào tạo", rsa,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1).CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        var key = new DocBpm.Documents.Signatures.SoftwareSigningKey(Org.BouncyCastle.Security.DotNetUtilities.GetRsaKeyPair(rsa).Private,
            [new Org.BouncyCastle.X509.X509Certificate(certificate.RawData)]);
        var signed = await EnvelopeSignature.SignAsync(Package(Department, Province), key, CancellationToken.None);

        await axis.ClientFor(Department).SendAsync(signed, CancellationToken.None);

        var province = axis.ClientFor(Province);
        var received = await province.FetchAsync((await province.PendingAsync(CancellationToken.None)).Single().PackageId, CancellationToken.None);
        CollectionAssert.AreEqual(signed, received);
        Assert.AreEqual(EnvelopeSeal.Intact, EnvelopeSignature.Read(received).State);
    }

    [TestMethod]
    public async Task An_agency_reads_only_what_is_addressed_to_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(Now));
        var receipt = await axis.ClientFor(Department).SendAsync(Package(Department, Province), CancellationToken.None);

        var stranger = await Assert.ThrowsExactlyAsync<AxisRefusedException>(() =>
            axis.ClientFor(Finance).FetchAsync(receipt.PackageId, CancellationToken.None));
        var wrongKey = await Assert.ThrowsExactlyAsync<HttpRequestException>(() =>
            axis.ClientFor(Province, "not-the-key-of-this-agency").PendingAsync(CancellationToken.None));

        Assert.AreEqual(HttpStatusCode.NotFound, stranger.Status);
        Assert.AreEqual(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    [TestMethod]
    public async Task A_malformed_package_is_refused_with_every_problem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var axis = new AxisFactory(database, new FakeTimeProvider(Now));
        var broken = Encoding.UTF8.GetString(Package(Department, Province))
            .Replace("<edXML:Subject>Về việc báo cáo số liệu</edXML:Subject>", "<edXML:Subject/>", StringComparison.Ordinal)
            .Replace("<edXML:CodeNumber>123</edXML:CodeNumber>", "<edXML:CodeNumber/>", StringComparison.Ordinal);

        var refused = await Assert.ThrowsExactlyAsync<AxisRefusedException>(() =>
            axis.ClientFor(Department).SendAsync(Encoding.UTF8.GetBytes(broken), CancellationToken.None));
        var forged = await Assert.ThrowsExactlyAsync<AxisRefusedException>(() =>
            axis.ClientFor(Finance).SendAsync(Package(Department, Province), CancellationToken.None));
        var unknownRecipient = await Assert.ThrowsExactlyAsync<AxisRefusedException>(() =>
            axis.ClientFor(Department).SendAsync(Package(Department, "000.00.99.H37"), CancellationToken.None));

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.AreEqual(2, refused.Problems.Count);
        Assert.IsTrue(refused.Problems.Any(p => p.Contains("Subject", StringComparison.Ordinal)));
        StringAssert.Contains(forged.Problems.Single(), Department);
        StringAssert.Contains(unknownRecipient.Problems.Single(), "000.00.99.H37");
        Assert.AreEqual(0, (await axis.ClientFor(Province).PendingAsync(CancellationToken.None)).Count, "nothing refused is stored");
    }

    [TestMethod]
    public async Task Pending_packages_survive_a_restart_of_the_axis()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid packageId;
        await using (var first = new AxisFactory(database, new FakeTimeProvider(Now)))
            packageId = (await first.ClientFor(Department).SendAsync(Package(Department, Province), CancellationToken.None)).PackageId;

        await using var second = new AxisFactory(database, new FakeTimeProvider(Now.AddHours(1)));
        var pending = await second.ClientFor(Province).PendingAsync(CancellationToken.None);

        Assert.AreEqual(packageId, pending.Single().PackageId);
    }
}
