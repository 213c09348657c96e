using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Files;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Signatures;

/// <summary>Signing in a process, the clerk's check of the result over HTTP, and the admin's registry.</summary>
[TestClass]
public sealed class SignatureApiTests
{
    private static readonly TestPki Pki = TestPki.Instance;

    private const string SigningProcess = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="sign-and-check" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:serviceTask id="personal"><bpmn:extensionElements><docbpm:activity type="SignDocument">
              <docbpm:input name="fileId" expression="draftId"/><docbpm:input name="keyId" expression="'giamdoc'"/>
              <docbpm:output name="signedFileId" variable="personalId"/>
            </docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="agency"><bpmn:extensionElements><docbpm:activity type="SignDocument">
              <docbpm:input name="fileId" expression="personalId"/><docbpm:input name="keyId" expression="'coquan'"/>
              <docbpm:input name="role" expression="'Agency'"/><docbpm:input name="notation" expression="'123/SGDĐT-VP'"/>
              <docbpm:output name="signedFileId" variable="issuedId"/>
            </docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="verify"><bpmn:extensionElements><docbpm:activity type="VerifySignature">
              <docbpm:input name="fileId" expression="issuedId"/>
            </docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="done"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="personal"/>
            <bpmn:sequenceFlow id="f2" sourceRef="personal" targetRef="agency"/>
            <bpmn:sequenceFlow id="f3" sourceRef="agency" targetRef="verify"/>
            <bpmn:sequenceFlow id="f4" sourceRef="verify" targetRef="done"/>
            <bpmn:sequenceFlow id="f5" sourceRef="done" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<DocBpmWebFactory> HostAsync(DatabaseProvider provider)
    {
        var host = await DocBpmWebFactory.CreateAsync(provider);
        host.Settings["Signatures:TrustAnchors:0"] = Pki.RootFile;
        for (var i = 0; i < Pki.CrlFiles.Count; i++)
            host.Settings[$"Signatures:CrlFiles:{i}"] = Pki.CrlFiles[i];
        host.Settings["Signatures:Keys:giamdoc:Path"] = Pki.Pkcs12(Pki.Director, "mat-khau-1");
        host.Settings["Signatures:Keys:giamdoc:Password"] = "mat-khau-1";
        host.Settings["Signatures:Keys:coquan:Path"] = Pki.Pkcs12(Pki.Agency, "mat-khau-2");
        host.Settings["Signatures:Keys:coquan:Password"] = "mat-khau-2";
        host.Settings["Signatures:Keys:hethan:Path"] = Pki.Pkcs12(Pki.Expired, "mat-khau-3");
        host.Settings["Signatures:Keys:hethan:Password"] = "mat-khau-3";
        return host;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string name = "cong-van.pdf")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        return await client.PostAsync("/api/signatures/verify", form);
    }

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_3_a_process_signs_personally_then_as_agency_and_the_clerk_finds_it_legally_valid(DatabaseProvider provider)
    {
        await using var host = await HostAsync(provider);
        var admin = await host.LoginAsync("quantri");
        var analyst = await host.LoginAsync("phantich");
        var clerk = await host.LoginAsync("vanthu");
        (await admin.PostAsJsonAsync("/api/signatures/authorities", new { kind = "Person", name = "Hoàng Văn Minh", subjectIdentifier = "CCCD:020080001234", position = "Giám đốc" }))
            .EnsureSuccessStatusCode();
        (await analyst.PostAsync("/api/definitions", new StringContent(SigningProcess, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        Guid draftId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            draftId = scope.ServiceProvider.GetRequiredService<FileStore>().Add("123-SGDDT-VP.pdf", "application/pdf", TestDocuments.OfficialLetter()).Id;
            await scope.ServiceProvider.GetRequiredService<DbContext>().SaveChangesAsync();
        }

        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "sign-and-check", variables = new { draftId } });
        started.EnsureSuccessStatusCode();
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        // Personal signature, agency signature and the check: three asynchronous jobs, one after the other.
        await host.RunDueWorkAsync();
        await host.RunDueWorkAsync();
        await host.RunDueWorkAsync();
        var variables = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{instanceId}"))!["variables"]!;

        Assert.AreEqual("LegallyValid", (string?)variables["legalStatus"], variables.ToJsonString());
        StringAssert.Contains((string?)variables["summary"], "Văn bản có giá trị pháp lý.");
        byte[] issued;
        await using (var scope = host.Services.CreateAsyncScope())
            issued = (await scope.ServiceProvider.GetRequiredService<FileStore>().ReadAsync(variables["issuedId"]!.GetValue<Guid>(), CancellationToken.None)).Content;
        var report = await (await UploadAsync(clerk, issued)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.AreEqual("LegallyValid", (string?)report!["legalStatus"], report.ToJsonString());
        Assert.AreEqual(2, report["signatures"]!.AsArray().Count);
    }

    private const string IncomingCheck = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="urn:t">
          <bpmn:error id="bad" errorCode="invalid-file"/>
          <bpmn:process id="check-incoming" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:serviceTask id="verify"><bpmn:extensionElements><docbpm:activity type="VerifySignature">
              <docbpm:input name="receivedDocumentId" expression="receivedId"/>
            </docbpm:activity></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:boundaryEvent id="unreadable" attachedToRef="verify"><bpmn:errorEventDefinition errorRef="bad"/></bpmn:boundaryEvent>
            <bpmn:userTask id="register"/><bpmn:userTask id="returnToSender"/><bpmn:userTask id="askForAnotherFile"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="verify"/>
            <bpmn:sequenceFlow id="f2" sourceRef="verify" targetRef="register"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">outcome === 'done'</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="verify" targetRef="returnToSender"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">outcome === 'referenceOnly'</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f4" sourceRef="unreadable" targetRef="askForAnotherFile"/>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f5" sourceRef="register" targetRef="e"/>
            <bpmn:sequenceFlow id="f6" sourceRef="returnToSender" targetRef="e"/>
            <bpmn:sequenceFlow id="f7" sourceRef="askForAnotherFile" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [TestMethod]
    public async Task Article8_1a_a_received_document_goes_on_by_the_legal_status_of_its_main_pdf()
    {
        await using var host = await HostAsync(DatabaseProvider.Sqlite);
        var admin = await CheckingHostAsync(host);
        await RegisterDepartmentAsync(admin);
        var signed = await SignTwiceAsync(host);

        var legal = await RunCheckAsync(host, admin, Department, ("appendix.docx", "Phụ lục"u8.ToArray()), ("cong-van.pdf", signed));
        var unsigned = await RunCheckAsync(host, admin, Department, ("cong-van.pdf", TestDocuments.OfficialLetter()));
        var broken = await RunCheckAsync(host, admin, Department, ("cong-van.pdf", "không phải PDF"u8.ToArray()));

        Assert.AreEqual("register", (string?)legal["activeElements"]![0], legal.ToJsonString());
        Assert.AreEqual("LegallyValid", (string?)legal["variables"]!["legalStatus"]);
        Assert.AreEqual(Department, (string?)legal["variables"]!["agencyCodes"]![0], "the agency signature is the sender's");
        Assert.AreEqual("returnToSender", (string?)unsigned["activeElements"]![0]);
        StringAssert.Contains((string?)unsigned["variables"]!["summary"], "không có chữ ký số");
        Assert.AreEqual("askForAnotherFile", (string?)broken["activeElements"]![0]);
    }

    private const string Department = "000.00.12.H37";

    /// <summary>The check process deployed and the Director registered as a person with signing authority; returns the admin.</summary>
    private static async Task<HttpClient> CheckingHostAsync(DocBpmWebFactory host)
    {
        var admin = await host.LoginAsync("quantri");
        (await (await host.LoginAsync("phantich")).PostAsync("/api/definitions", new StringContent(IncomingCheck, Encoding.UTF8, "application/xml")))
            .EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/signatures/authorities", new { kind = "Person", name = "Hoàng Văn Minh", subjectIdentifier = "CCCD:020080001234" }))
            .EnsureSuccessStatusCode();
        return admin;
    }

    /// <summary>The agency directory ties the Department's agency certificate to its code on the axis.</summary>
    private static async Task RegisterDepartmentAsync(HttpClient admin) =>
        (await admin.PostAsJsonAsync("/api/signatures/authorities",
            new { kind = "Organisation", name = "Sở Giáo dục và Đào tạo Lạng Sơn", subjectIdentifier = "MNS:1234567", agencyCode = Department }))
            .EnsureSuccessStatusCode();

    [TestMethod]
    public async Task Article8_1a_an_agency_signature_that_is_not_the_senders_makes_the_document_reference_only_and_says_why()
    {
        await using var host = await HostAsync(DatabaseProvider.Sqlite);
        var admin = await CheckingHostAsync(host);
        var signed = await SignTwiceAsync(host);

        var unregistered = await RunCheckAsync(host, admin, "000.00.00.H37", ("cong-van.pdf", signed));
        await RegisterDepartmentAsync(admin);
        var foreign = await RunCheckAsync(host, admin, "000.00.00.H37", ("cong-van.pdf", signed));

        Assert.AreEqual("returnToSender", (string?)foreign["activeElements"]![0], "sent as Văn phòng UBND tỉnh, signed as the Department");
        Assert.AreEqual("ReferenceOnly", (string?)foreign["variables"]!["legalStatus"]);
        StringAssert.Contains((string?)foreign["variables"]!["summary"], "Chữ ký số không phải của cơ quan gửi: văn bản do 000.00.00.H37 gửi nhưng mang chữ ký số của cơ quan 000.00.12.H37");
        Assert.AreEqual("ReferenceOnly", (string?)unregistered["variables"]!["legalStatus"], "an agency signature not in the directory proves no origin");
        StringAssert.Contains((string?)unregistered["variables"]!["summary"], "chưa có trong danh mục chữ ký cơ quan");
    }

    private static async Task<byte[]> SignTwiceAsync(DocBpmWebFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var signer = scope.ServiceProvider.GetRequiredService<DocBpm.Documents.Signatures.PdfSigner>();
        var keys = scope.ServiceProvider.GetRequiredService<DocBpm.Documents.Signatures.ISigningKeyStore>();
        var personal = await signer.SignAsync(TestDocuments.OfficialLetter(), keys.Get("giamdoc"),
            DocBpm.Documents.Signatures.SignatureAppearance.For(DocBpm.Documents.Signatures.SignatureRole.Personal, "Hoàng Văn Minh"), CancellationToken.None);
        return await signer.SignAsync(personal, keys.Get("coquan"),
            DocBpm.Documents.Signatures.SignatureAppearance.For(DocBpm.Documents.Signatures.SignatureRole.Agency, "Sở Giáo dục và Đào tạo Lạng Sơn"), CancellationToken.None);
    }

    /// <summary>A document as intake registers it (files stored, one row), then the check process on it.</summary>
    private static async Task<JsonObject> RunCheckAsync(DocBpmWebFactory host, HttpClient admin, string sender, params (string Name, byte[] Content)[] files)
    {
        Guid receivedId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<FileStore>();
            // Stored as intake leaves them: the stand-in attachments are not real documents, so they skip the format check.
            var stored = files.Select(f => store.AddGenerated(f.Name, f.Name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "application/octet-stream", f.Content)).ToList();
            var received = new ReceivedDocument
            {
                Id = Guid.CreateVersion7(), SenderCode = sender, SenderName = sender, DocumentId = $"{sender},2026/11/23,{stored[0].Id:N}/UBND",
                CodeNumber = "45", CodeNotation = "UBND-KGVX", PromulgationDate = new DateOnly(2026, 11, 23), Subject = "Về việc tổ chức thi", FileIds = string.Join(',', stored.Select(f => f.Id)),
            };
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            db.Set<ReceivedDocument>().Add(received);
            await db.SaveChangesAsync();
            receivedId = received.Id;
        }

        var started = await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "check-incoming", variables = new { receivedId } });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        // The check is an asynchronous job since the incoming process runs it after the intake commits.
        await host.RunDueWorkAsync();
        return (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}"))!;
    }

    [TestMethod]
    public async Task Signing_with_an_expired_certificate_is_refused_and_stores_nothing()
    {
        await using var host = await HostAsync(DatabaseProvider.Sqlite);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var draft = scope.ServiceProvider.GetRequiredService<FileStore>().Add("123.pdf", "application/pdf", TestDocuments.OfficialLetter());
        await db.SaveChangesAsync();

        var refused = await Assert.ThrowsExactlyAsync<DocBpm.Documents.Signatures.SignatureRefusedException>(() =>
            scope.ServiceProvider.GetRequiredService<DocBpm.Documents.Signatures.DocumentSignatures>()
                .SignFileAsync(draft.Id, "hethan", DocBpm.Documents.Signatures.SignatureRole.Personal, null, null, null, null, null, CancellationToken.None));

        StringAssert.Contains(refused.Vietnamese, "đã hết hạn");
        Assert.IsFalse(db.ChangeTracker.HasChanges(), "no signed file waits to be saved");
        Assert.AreEqual(1, await db.Set<StoredFile>().CountAsync());
    }

    [TestMethod]
    public async Task With_a_timestamp_service_configured_the_host_signs_pades_b_t()
    {
        await using var host = await HostAsync(DatabaseProvider.Sqlite);
        host.Settings["Signatures:TimestampUrl"] = "http://tsa.test/";
        using var authority = new TestTimestampAuthority(Pki.Timestamps, host.Clock);
        await using var withTsa = host.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddHttpClient<DocBpm.Documents.Signatures.ITimestampClient, DocBpm.Documents.Signatures.HttpTimestampClient>()
                .ConfigurePrimaryHttpMessageHandler(() => authority)));
        await using var scope = withTsa.Services.CreateAsyncScope();
        var draft = scope.ServiceProvider.GetRequiredService<FileStore>().Add("123.pdf", "application/pdf", TestDocuments.OfficialLetter());
        await scope.ServiceProvider.GetRequiredService<DbContext>().SaveChangesAsync();
        var signatures = scope.ServiceProvider.GetRequiredService<DocBpm.Documents.Signatures.DocumentSignatures>();

        var signed = await signatures.SignFileAsync(draft.Id, "giamdoc", DocBpm.Documents.Signatures.SignatureRole.Personal, null, null, null, null, null, CancellationToken.None);
        var report = await signatures.VerifyAsync(signed.Content, CancellationToken.None);

        Assert.IsTrue(report.Signatures.Single().Timestamped);
        Assert.AreEqual(1, authority.Requests);
        Assert.AreEqual("Hoàng Văn Minh", report.Signatures.Single().Signer!.Name);
    }

    [TestMethod]
    public async Task The_clerk_gets_a_vietnamese_refusal_for_a_file_that_is_not_a_pdf_and_for_no_file()
    {
        await using var host = await HostAsync(DatabaseProvider.Sqlite);
        host.Settings["Signatures:MaxFileBytes"] = "100000";
        var clerk = await host.LoginAsync("vanthu");

        var notPdf = await UploadAsync(clerk, "Kính gửi: các phòng"u8.ToArray(), "cong-van.docx");
        var tooBig = await UploadAsync(clerk, new byte[150_000]);
        using var empty = new MultipartFormDataContent();
        var nothing = await clerk.PostAsync("/api/signatures/verify", empty);
        var unsigned = await (await UploadAsync(clerk, TestDocuments.OfficialLetter())).Content.ReadFromJsonAsync<JsonObject>();

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, notPdf.StatusCode);
        var problem = await notPdf.Content.ReadFromJsonAsync<JsonObject>();
        Assert.AreEqual("Tệp không phải là văn bản PDF.", (string?)problem!["detail"]);
        Assert.AreEqual("not-pdf", (string?)problem["code"]);
        Assert.AreEqual(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        StringAssert.Contains(await tooBig.Content.ReadAsStringAsync(), "Tệp quá lớn");
        Assert.AreEqual("ReferenceOnly", (string?)unsigned!["legalStatus"]);
    }

    [TestMethod]
    public async Task Only_the_admin_edits_the_registry_of_signing_authorities_and_bad_entries_are_refused()
    {
        await using var host = await HostAsync(DatabaseProvider.Sqlite);
        var admin = await host.LoginAsync("quantri");
        var clerk = await host.LoginAsync("vanthu");

        var byClerk = await clerk.PostAsJsonAsync("/api/signatures/authorities", new { kind = "Person", name = "A", subjectIdentifier = "CCCD:1" });
        var noIdentity = await admin.PostAsJsonAsync("/api/signatures/authorities", new { kind = "Person", name = "A" });
        var badThumbprint = await admin.PostAsJsonAsync("/api/signatures/authorities", new { kind = "Organisation", name = "Sở", thumbprint = "abc" });
        var added = await admin.PostAsJsonAsync("/api/signatures/authorities",
            new { kind = "Organisation", name = "Sở Giáo dục và Đào tạo Lạng Sơn", subjectIdentifier = "MNS:1234567", agencyCode = "000.00.12.H37" });
        var listed = await admin.GetFromJsonAsync<JsonArray>("/api/signatures/authorities");
        var removed = await admin.DeleteAsync($"/api/signatures/authorities/{listed!.Single()!["id"]}");

        Assert.AreEqual(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.AreEqual(HttpStatusCode.BadRequest, noIdentity.StatusCode);
        StringAssert.Contains(await noIdentity.Content.ReadAsStringAsync(), "mã định danh");
        Assert.AreEqual(HttpStatusCode.BadRequest, badThumbprint.StatusCode);
        Assert.AreEqual(HttpStatusCode.Created, added.StatusCode);
        Assert.AreEqual("000.00.12.H37", (string?)listed!.Single()!["agencyCode"]);
        Assert.AreEqual(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.AreEqual(0, (await admin.GetFromJsonAsync<JsonArray>("/api/signatures/authorities"))!.Count);
    }
}
