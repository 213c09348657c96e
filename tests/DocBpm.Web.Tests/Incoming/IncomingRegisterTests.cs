using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Files;
using DocBpm.Documents.Registers;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>The incoming register: unique numbers under concurrency, its printed lines, and files that are never served damaged.</summary>
[TestClass]
public sealed class IncomingRegisterTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article11_2_two_clerks_registering_at_once_get_different_incoming_numbers(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var clerk = await host.LoginAsync("vanthu");
        var other = await host.LoginAsync("vanthu2");
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
            ids.Add(await clerk.UploadAsync(host, $"Về việc số {i}"));

        var numbers = await Task.WhenAll(ids.Select((id, i) => (i % 2 == 0 ? clerk : other).RegisterAsync(id)));

        CollectionAssert.AreEquivalent(new[] { 1, 2, 3, 4 }, numbers, "one number each, none twice, none skipped");
    }

    [TestMethod]
    public async Task The_incoming_register_book_lists_registered_documents_with_their_main_handler()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var first = await clerk.UploadAsync(host, "Về việc A", "Flash");
        await clerk.UploadAsync(host, "Chưa vào sổ");
        await clerk.RegisterAsync(first, "Về việc A", "Flash");
        (await (await host.LoginAsync("giamdoc")).AssignAsync(first, "unit:GDTrH")).EnsureSuccessStatusCode();

        await using var scope = host.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<IIncomingRegisterEntries>()
            .ListAsync(RegisterBookSeed.Incoming, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), CancellationToken.None);
        var line = entries.Single();
        Assert.AreEqual(1, line.IncomingNumber);
        Assert.IsTrue(line.PrintReceivedTime, "Hỏa tốc: the arrival hour is printed");
        Assert.AreEqual("15/UBND-VP", line.NumberAndNotation);
        Assert.AreEqual("Phòng Giáo dục Trung học", line.Recipient);
        var printed = await scope.ServiceProvider.GetRequiredService<RegisterExport>()
            .ExportAsync(RegisterBookSeed.Incoming, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), RegisterFileFormat.Xlsx, CancellationToken.None);
        Assert.IsTrue(printed.Content.Length > 0);
    }

    [TestMethod]
    public async Task A_stored_file_that_no_longer_matches_its_hash_is_reported_not_served()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc B");
        var file = (await clerk.DetailAsync(id))["files"]![0]!;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbContext>();
            var stored = await db.Set<StoredFile>().SingleAsync(f => f.Id == (Guid)file["id"]!);
            stored.Content = [.. stored.Content.Append((byte)' ')];
            await db.SaveChangesAsync();
        }

        var response = await clerk.GetAsync((string)file["url"]!);
        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        StringAssert.Contains((string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"], "SHA-256");
    }
}
