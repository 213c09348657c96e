using DocBpm.Documents.Files;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Tests.Files;

[TestClass]
public sealed class FileStoreTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_stored_file_reads_back_with_its_detected_type_and_hash(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var id = await StoreAsync(host, "danh-sach.csv", Samples.Csv());

        var file = await host.InScopeAsync(sp => sp.GetRequiredService<FileStore>().ReadAsync(id, CancellationToken.None));

        CollectionAssert.AreEqual(Samples.Csv(), file.Content);
        Assert.AreEqual("text/csv", file.ContentType);
        Assert.AreEqual(FileStore.Hash(Samples.Csv()), file.Sha256);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_file_changed_after_storage_is_reported_and_never_served(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var id = await StoreAsync(host, "quyet-dinh.pdf", Samples.Pdf());
        var altered = Samples.Pdf();
        altered[^3] ^= 0x20;
        await host.InScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<StoredFile>()
            .Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Content, altered)));

        var damaged = await Assert.ThrowsExactlyAsync<FileIntegrityException>(() =>
            host.InScopeAsync(sp => sp.GetRequiredService<FileStore>().ReadAsync(id, CancellationToken.None)));

        Assert.AreEqual(id, damaged.FileId);
        Assert.AreEqual(RefusalKind.Damaged, damaged.Kind);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_refused_file_leaves_nothing_stored(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider, maxFileBytes: 64);

        await Assert.ThrowsExactlyAsync<FileRefusedException>(() => StoreAsync(host, "quyet-dinh.pdf", Samples.Pdf()));
        await Assert.ThrowsExactlyAsync<StoredFileNotFoundException>(() =>
            host.InScopeAsync(sp => sp.GetRequiredService<FileStore>().ReadAsync(Guid.CreateVersion7(), CancellationToken.None)));

        Assert.AreEqual(0, await host.InScopeAsync(sp => sp.GetRequiredService<DbContext>().Set<StoredFile>().CountAsync()));
    }

    private static Task<Guid> StoreAsync(DocumentsTestHost host, string name, byte[] content) => host.InScopeAsync(async sp =>
    {
        var file = sp.GetRequiredService<FileStore>().Add(name, null, content);
        await sp.GetRequiredService<DbContext>().SaveChangesAsync();
        return file.Id;
    });
}
