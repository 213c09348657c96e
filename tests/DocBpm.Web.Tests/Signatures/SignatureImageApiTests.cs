using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Outgoing;

namespace DocBpm.Web.Tests.Signatures;

/// <summary>NĐ30 Phụ lục I: the admin uploads the leaders' signature images and the agency's seal; issued documents draw them.</summary>
[TestClass]
public sealed class SignatureImageApiTests
{
    private const string Agency = "/api/admin/signature-images/agency";
    private const string Deputy = "/api/admin/signature-images/people/phogiamdoc1";

    [TestMethod]
    public async Task Decree30_AppendixI_the_uploaded_signature_and_seal_are_drawn_on_the_issued_document_which_stays_legally_valid()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var admin = await host.LoginAsync("quantri");
        var signature = TestPng.Rgba(300, 120, 0, 0, 200);
        var seal = TestPng.Rgba(240, 240, 220, 0, 0);

        await OutgoingClient.Ok(await admin.PutAsync(Deputy, Png(signature)));
        var saved = (await OutgoingClient.Ok(await admin.PutAsync(Agency, Png(seal))))!;
        Assert.AreEqual(240, (int)saved["width"]!);
        CollectionAssert.AreEqual(seal, await admin.GetByteArrayAsync(Agency));
        var id = await IssuedDocument.NewLetterAsync(people.Drafter);
        await people.ToClerkAsync(id, "v1");
        await people.IssueAsync(id);

        await IssuedDocument.AssertLegallyValidAsync(people, id);
        var page = await people.Drafter.PageAsync(id);
        var pdf = await people.Clerk.GetByteArrayAsync($"/api/outgoing/{id}/files/{(Guid)page["issuedFileId"]!}");
        CollectionAssert.AreEquivalent(new[] { (300, 120), (240, 240) }, SignedAppearances.Images(pdf));
        Assert.AreEqual(HttpStatusCode.NoContent, (await admin.DeleteAsync(Agency)).StatusCode);
        await OutgoingClient.AssertProblemAsync(await admin.GetAsync(Agency), HttpStatusCode.NotFound, "Chưa tải lên");
    }

    [TestMethod]
    public async Task Decree30_AppendixI_only_a_png_within_the_limits_is_stored_and_only_by_an_administrator()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await host.LoginAsync("quantri");
        var clerk = await host.LoginAsync("vanthu");
        var good = TestPng.Rgba(40, 40, 220, 0, 0);
        byte[] truncated = [.. good.AsSpan(0, good.Length - 20)];

        await AssertRefusedAsync(await admin.PutAsync(Agency, Png("GIF89a không phải ảnh PNG"u8.ToArray())), "image-not-png");
        await AssertRefusedAsync(await admin.PutAsync(Agency, Png(truncated)), "image-not-png");
        await AssertRefusedAsync(await admin.PutAsync(Agency, Png([.. good, .. new byte[512 * 1024]])), "image-too-large");
        await AssertRefusedAsync(await admin.PutAsync(Deputy, Png(TestPng.Rgba(2001, 2, 0, 0, 200))), "image-dimensions");
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.GetAsync(Agency)).StatusCode, "a refused upload stores nothing");
        Assert.AreEqual(HttpStatusCode.NotFound, (await admin.GetAsync(Deputy)).StatusCode, "a refused upload stores nothing");
        await OutgoingClient.AssertProblemAsync(await admin.PutAsync("/api/admin/signature-images/people/khong-co", Png(good)),
            HttpStatusCode.NotFound, "khong-co");

        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.PutAsync(Agency, Png(good))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.GetAsync(Deputy)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await clerk.DeleteAsync(Agency)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await admin.PutAsync(Deputy, Png(good))).StatusCode, "a PNG within the limits is stored");
    }

    private static ByteArrayContent Png(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } };

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode, problem.ToJsonString());
        Assert.AreEqual(code, (string?)problem["code"], problem.ToJsonString());
    }
}
