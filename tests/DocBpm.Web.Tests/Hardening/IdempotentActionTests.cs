using System.Net;
using System.Net.Http.Json;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Documents.Registers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.Incoming;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>
/// Issue 16: <c>Idempotency-Key</c> on the document actions that create records. A client that lost the answer sends the
/// same request with the same key and gets the first answer, not a second record; the same key with another request is 422.
/// </summary>
[TestClass]
public sealed class IdempotentActionTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    public async Task Issue16_a_retried_paper_upload_and_registration_answer_the_first_document_and_number()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");

        // Each retry builds its form again, with another multipart boundary: the same fields and files are the same request.
        var id = await ReplaysAsync(host, clerk, () => Post("/api/incoming", IncomingClient.PaperForm("Về việc tuyển sinh")),
            () => Post("/api/incoming", IncomingClient.PaperForm("Về việc khác")), db => db.Set<IncomingDocument>().CountAsync());

        await host.RunDueWorkAsync();
        await ReplaysAsync(host, clerk, () => Post($"/api/incoming/{id}/register", JsonContent.Create(IncomingClient.Fields("Về việc tuyển sinh"))),
            () => Post($"/api/incoming/{id}/register", JsonContent.Create(IncomingClient.Fields("Về việc khác"))),
            db => db.Set<IncomingDocument>().CountAsync(d => d.IncomingNumber != null));
    }

    [TestMethod]
    public async Task Issue16_a_retried_draft_version_and_provincial_task_document_create_one_record_each()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var drafter = await host.LoginAsync("chuyenvien");
        object Draft(string subject) => new { typeCode = "QĐ", subject, recipients = new[] { new { kind = "Unit", code = "TCCB" } } };

        var draft = await ReplaysAsync(host, drafter, () => Post("/api/outgoing", JsonContent.Create(Draft("Quyết định A"))),
            () => Post("/api/outgoing", JsonContent.Create(Draft("Quyết định B"))), db => db.Set<OutgoingDocument>().CountAsync());
        // A retry sends the very bytes of the first upload (a PDF made again would differ in its generated parts).
        var (first, second) = (OutgoingClient.Pdf("bản 1"), OutgoingClient.Pdf("bản 2"));
        await ReplaysAsync(host, drafter, () => Post($"/api/outgoing/{draft}/versions?kind=Main&fileName=du-thao.pdf", new ByteArrayContent(first)),
            () => Post($"/api/outgoing/{draft}/versions?kind=Main&fileName=du-thao.pdf", new ByteArrayContent(second)),
            db => db.Set<DraftVersion>().CountAsync());

        var clerk = await host.LoginAsync("vanthu");
        var deadline = host.Clock.GetUtcNow().AddDays(30);
        object Tasks(string content) => new { code = "120/UBND-KGVX", subject = "Về việc giao nhiệm vụ", lines = new[] { new { content, deadline } } };
        await ReplaysAsync(host, clerk, () => Post("/api/provincial-tasks/documents", JsonContent.Create(Tasks("Tổng kết năm học"))),
            () => Post("/api/provincial-tasks/documents", JsonContent.Create(Tasks("Hội nghị"))), db => db.Set<TaskDocument>().CountAsync());
    }

    [TestMethod]
    public async Task Issue16_a_retried_register_book_or_account_is_created_once()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await host.LoginAsync("quantri");

        await ReplaysAsync(host, admin, () => Post("/api/registers", JsonContent.Create(new { code = "DEN-2", name = "Sổ đến 2", direction = "Incoming" })),
            () => Post("/api/registers", JsonContent.Create(new { code = "DEN-3", name = "Sổ đến 3", direction = "Incoming" })),
            db => db.Set<RegisterBook>().CountAsync());
        object Person(string userName) => new
        {
            userName, fullName = "Nguyễn Văn Mới", email = $"{userName}@sgddt.example", unitCode = "GDTrH", position = "Chuyên viên",
            roles = new[] { "ChuyenVien" }, password = "Tcc8@matkhau",
        };
        await ReplaysAsync(host, admin, () => Post("/api/organisation/people", JsonContent.Create(Person("nvmoi"))),
            () => Post("/api/organisation/people", JsonContent.Create(Person("nvmoi2"))), db => db.Set<DocBpm.Web.Accounts.AppUser>().CountAsync());
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Issue16_parallel_retries_with_one_key_create_one_draft_and_never_a_server_error(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var drafter = await host.LoginAsync("chuyenvien");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => drafter.SendAsync(Keyed(Post("/api/outgoing",
            JsonContent.Create(new { typeCode = "QĐ", subject = "Quyết định C", recipients = new[] { new { kind = "Unit", code = "TCCB" } } })), "race-1"))));

        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.IsTrue(statuses.All(s => s is 201 or 409) && statuses.Contains(201), string.Join(", ", statuses));
        Assert.AreEqual(1, await CountAsync(host, db => db.Set<OutgoingDocument>().CountAsync()), "one draft");
    }

    [TestMethod]
    public async Task Issue16_an_action_key_with_a_control_character_or_over_its_length_is_a_400_naming_the_header_and_changes_nothing()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        foreach (var key in new[] { "a\tb", new string('k', 101) })
        {
            var answer = await clerk.SendAsync(Keyed(Post("/api/incoming", IncomingClient.PaperForm("Về việc D")), key));
            Assert.AreEqual(HttpStatusCode.BadRequest, answer.StatusCode);
            StringAssert.Contains(await answer.Content.ReadAsStringAsync(), "Idempotency-Key");
        }

        Assert.AreEqual(0, await CountAsync(host, db => db.Set<IncomingDocument>().CountAsync()));
    }

    /// <summary>
    /// Sends the request twice with one key (same answer, one record), then another request with that key (422, nothing
    /// stored). Returns the id the first answer names.
    /// </summary>
    private static async Task<Guid> ReplaysAsync(DocBpmWebFactory host, HttpClient client, Func<HttpRequestMessage> request,
        Func<HttpRequestMessage> another, Func<DbContext, Task<int>> records)
    {
        var key = $"retry-{Guid.NewGuid():N}";
        var before = await CountAsync(host, records);
        var first = await client.SendAsync(Keyed(request(), key));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.IsTrue(first.IsSuccessStatusCode, firstBody);
        Assert.AreEqual(before + 1, await CountAsync(host, records));

        var again = await client.SendAsync(Keyed(request(), key));
        var againBody = await again.Content.ReadAsStringAsync();

        Assert.AreEqual(first.StatusCode, again.StatusCode, againBody);
        Assert.AreEqual(firstBody, againBody, "the first answer, again");
        Assert.AreEqual(first.Headers.Location, again.Headers.Location);
        Assert.AreEqual(before + 1, await CountAsync(host, records), "no second record");
        var other = await client.SendAsync(Keyed(another(), key));
        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, other.StatusCode, await other.Content.ReadAsStringAsync());
        Assert.AreEqual(before + 1, await CountAsync(host, records), "nothing stored for another request under the key");
        return System.Text.Json.Nodes.JsonNode.Parse(firstBody)?["id"]?.GetValue<Guid>() ?? Guid.Empty;
    }

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private static HttpRequestMessage Keyed(HttpRequestMessage request, string key)
    {
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private static async Task<int> CountAsync(DocBpmWebFactory host, Func<DbContext, Task<int>> records)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await records(scope.ServiceProvider.GetRequiredService<DbContext>());
    }
}
