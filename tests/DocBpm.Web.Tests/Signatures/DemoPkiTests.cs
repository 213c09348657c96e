using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Signatures;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Outgoing;

namespace DocBpm.Web.Tests.Signatures;

/// <summary>
/// Issue 15: a Development host signs out of the box with a demo PKI it makes once under App_Data, and a production host
/// refuses that PKI.
/// </summary>
[TestClass]
public sealed class DemoPkiTests
{
    [TestMethod]
    public async Task Article4_a_fresh_Development_host_takes_a_draft_to_a_legally_valid_issued_document_with_the_demo_PKI()
    {
        var appData = Directory.CreateTempSubdirectory("docbpm-app-data-");
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        host.Settings["Signatures:DemoPki:Enabled"] = "true";
        host.Settings["Signatures:DemoPki:Folder"] = Path.Combine(appData.FullName, "demo-pki");
        var people = await OutgoingPeople.SignInAsync(host);

        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV",
            subject = "Về việc tổ chức hội thi giáo viên dạy giỏi cấp tỉnh",
            urgency = "Normal",
            copies = 1,
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await people.ToClerkAsync(id, "v1");
        await people.IssueAsync(id);

        var report = await IssuedDocument.AssertLegallyValidAsync(people, id);
        Assert.AreEqual("Delivered", (string?)Outgoing.OutgoingProcessTests.Recipient(await people.Drafter.PageAsync(id), "TCCB")["delivery"],
            "issued and dispatched: the unit has the signed document");
        CollectionAssert.AreEqual(new[] { "TOTAL-PASSED", "TOTAL-PASSED" },
            report["signatures"]!.AsArray().Select(s => (string?)s!["indication"]).ToArray(), report.ToJsonString());
        CollectionAssert.AreEqual(new[] { "Person", "Organisation" },
            report["signatures"]!.AsArray().Select(s => (string?)s!["signer"]!["kind"]).ToArray(), "the leader's signature, then the agency's");

        StringAssert.Contains(System.Net.WebUtility.HtmlDecode(await people.Clerk.GetStringAsync("/outgoing")), "Chữ ký số DEMO", "every page says the keys are a demo");
        var authorities = (await (await host.LoginAsync("quantri")).GetFromJsonAsync<JsonArray>("/api/signatures/authorities"))!;
        Assert.AreEqual(4, authorities.Count, "the Director, both deputies and the agency are registered once");
    }

    [TestMethod]
    public void Article4_the_demo_PKI_is_made_once_and_reused_and_every_certificate_is_marked_as_a_demo()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("docbpm-app-data-").FullName, "demo-pki");
        var first = DemoPki.EnsureCreated(folder, [new DemoSigner("giamdoc", "Hoàng Văn Giám", SignerKind.Person, "Giám đốc")]);
        var root = File.ReadAllBytes(first.Root);

        var again = DemoPki.EnsureCreated(folder, [new DemoSigner("giamdoc", "Hoàng Văn Giám", SignerKind.Person, "Giám đốc"),
            new DemoSigner("agency", "Sở Giáo dục và Đào tạo Lạng Sơn", SignerKind.Organisation)]);

        CollectionAssert.AreEqual(root, File.ReadAllBytes(again.Root), "the root is not made again");
        Assert.AreEqual(first.Keys["giamdoc"].Path, again.Keys["giamdoc"].Path);
        Assert.AreEqual(first.Keys["giamdoc"].Password, again.Keys["giamdoc"].Password);
        using var p12 = File.OpenRead(again.Keys["agency"].Path);
        var agency = SoftwareSigningKey.FromPkcs12(p12, again.Keys["agency"].Password);
        Assert.AreEqual(root.Length, agency.Chain[^1].GetEncoded().Length, "a signer added later is issued under the same root");
        CollectionAssert.AreEqual(root, agency.Chain[^1].GetEncoded());
        Assert.IsTrue(agency.Chain.All(DemoPki.IsDemo), "leaf, sub-CA and root carry the demo mark");
        Assert.IsFalse(DemoPki.IsDemo(TestPki.Instance.Agency.Certificate), "a real (here: test) certificate is not a demo");
    }

    [TestMethod]
    public async Task Article4_a_host_outside_Development_refuses_to_start_with_a_demo_key()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("docbpm-app-data-").FullName, "demo-pki");
        var demo = DemoPki.EnsureCreated(folder, [new DemoSigner("agency", "Sở Giáo dục và Đào tạo Lạng Sơn", SignerKind.Organisation)]);
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        host.Settings["environment"] = "Production";
        host.Settings["Signatures:Keys:agency:Path"] = demo.Keys["agency"].Path;
        host.Settings["Signatures:Keys:agency:Password"] = demo.Keys["agency"].Password;
        host.Settings["Signatures:TrustAnchors:0"] = TestPki.Instance.RootFile;

        var refused = Assert.ThrowsExactly<InvalidOperationException>(() => host.CreateClient());

        StringAssert.Contains(refused.Message, "demo PKI material is configured outside Development");
        StringAssert.Contains(refused.Message, "signing key 'agency'");
    }
}
