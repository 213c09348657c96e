using DocBpm.Documents.Organisation;
using DocBpm.Documents.Authorisations;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Tests.Outgoing;

/// <summary>
/// The people of the GDTrH division as the port shows them: the rules under test ask the directory, which here is a
/// fixed list instead of the host's accounts.
/// </summary>
public sealed class TestPeople : IPeopleDirectory
{
    public const string Unit = "GDTrH";

    public static readonly Person Drafter = new("chuyenvien", "Nguyễn Văn Soạn", Unit);
    public static readonly Person Head = new("truongphong", "Trần Thị Duyệt", Unit);
    public static readonly Person Supervisor = new("phogiamdoc1", "Lương Thị Hoa", "BGD") { Position = "Phó Giám đốc", Rank = LeaderRank.Deputy };
    public static readonly Person OtherDeputy = new("phogiamdoc2", "Lê Văn Khác", "BGD") { Position = "Phó Giám đốc", Rank = LeaderRank.Deputy };
    public static readonly Person Director = new("giamdoc", "Hoàng Văn Minh", "BGD") { Position = "Giám đốc", Rank = LeaderRank.Director };
    public static readonly Person OfficeChief = new("chanhvanphong", "Vi Thị Chánh", "VP") { Position = "Chánh Văn phòng" };
    public static readonly Person Colleague = new("chuyenvien2", "Phạm Thị Cùng", Unit);
    public static readonly Person Locked = new("nghiviec", "Đỗ Văn Nghỉ", Unit) { IsLocked = true };

    /// <summary>An officer of KHTC, a unit without a head.</summary>
    public static readonly Person Planner = new("chuyenvien.khtc", "Vũ Thị Kế", "KHTC");

    private static readonly Person[] Everyone = [Drafter, Head, Supervisor, OtherDeputy, Director, OfficeChief, Colleague, Locked, Planner];

    public Task<Person?> FindAsync(string userName, CancellationToken cancellationToken) =>
        Task.FromResult(Everyone.FirstOrDefault(p => string.Equals(p.UserName, userName, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<Person>> UnitHeadsAsync(string unitCode, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Person>>(unitCode == Unit ? [Head] : []);

    public Task<IReadOnlyList<Person>> DirectorsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Person>>([Director]);

    public static TaskActor Actor(Person person) => new(person.UserName, person.UnitCode is { } unit ? [unit] : []);
}

/// <summary>An outgoing document on its way through workflows/outgoing.bpmn, on a real database, without a web host.</summary>
public sealed class OutgoingScenario : IAsyncDisposable
{
    private OutgoingScenario(DocumentsTestHost host) => Host = host;

    public DocumentsTestHost Host { get; }

    /// <param name="withKeys">Configures the leaders' and the agency's keys of <see cref="TestPki"/>, so that the signing steps sign.</param>
    public static async Task<OutgoingScenario> StartAsync(DatabaseProvider provider, bool withKeys = false)
    {
        var host = await DocumentsTestHost.StartAsync(provider, configure: (services, configuration) =>
        {
            services.AddDocBpmDocuments<DbContext>(configuration);
            services.AddSingleton<IPeopleDirectory, TestPeople>();
            if (withKeys)
                services.PostConfigure<DocBpm.Documents.Signatures.SignatureOptions>(TestKeys);
        });
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        db.Set<Unit>().AddRange(
            new Unit { Id = Guid.CreateVersion7(), Code = TestPeople.Unit, Name = "Phòng GDTrH", SupervisorUserName = TestPeople.Supervisor.UserName },
            new Unit { Id = Guid.CreateVersion7(), Code = "KHTC", Name = "Phòng KHTC" });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<DefinitionStore>().DeployAsync(scope.ServiceProvider.GetRequiredService<EngineDb>(),
            await File.ReadAllTextAsync(ShippedDiagram("outgoing.bpmn")), "test", CancellationToken.None);
        return new OutgoingScenario(host);
    }

    /// <summary>The supervising deputy's, the Director's and the agency's keys, trusted with the test root and its CRLs.</summary>
    private static void TestKeys(DocBpm.Documents.Signatures.SignatureOptions options)
    {
        var pki = TestPki.Instance;
        options.Keys[TestPeople.Supervisor.UserName] = new() { Path = pki.Pkcs12(pki.Deputy, "pw"), Password = "pw" };
        options.Keys[TestPeople.Director.UserName] = new() { Path = pki.Pkcs12(pki.Director, "pw"), Password = "pw" };
        options.Keys["agency"] = new() { Path = pki.Pkcs12(pki.Agency, "pw"), Password = "pw" };
        options.TrustAnchors.Add(pki.RootFile);
        options.CrlFiles.AddRange(pki.CrlFiles);
    }

    /// <summary>Runs one step as one request would: its own scope and DbContext.</summary>
    public async Task StepAsync(Func<OutgoingFlow, Task> step)
    {
        await using var scope = Host.Scope();
        await step(scope.ServiceProvider.GetRequiredService<OutgoingFlow>());
    }

    public async Task<T> StepAsync<T>(Func<OutgoingFlow, Task<T>> step)
    {
        await using var scope = Host.Scope();
        return await step(scope.ServiceProvider.GetRequiredService<OutgoingFlow>());
    }

    /// <summary>A draft of the GDTrH officer with its main file and one recipient unit, ready to submit.</summary>
    public async Task<Guid> DraftAsync()
    {
        var id = await StepAsync(flow => flow.CreateAsync(new NewDraft("QĐ", "Quyết định thành lập đoàn kiểm tra",
            Recipients: [new RecipientChoice(RecipientKind.Unit, "KHTC")]), TestPeople.Actor(TestPeople.Drafter), CancellationToken.None));
        await StepAsync(flow => flow.UploadAsync(id, DraftFileKind.Main, "du-thao.pdf", "application/pdf", TestDocuments.OfficialLetter(), null,
            TestPeople.Actor(TestPeople.Drafter), CancellationToken.None));
        return id;
    }

    /// <summary>Submitted without reviewers, to be signed in <paramref name="capacity"/> (NĐ30 Art. 13): at the unit head's final check.</summary>
    public async Task<Guid> AtFinalCheckAsync(SigningCapacity? capacity = null)
    {
        var id = await DraftAsync();
        await StepAsync(flow => flow.SubmitAsync(id, [], null, capacity, TestPeople.Actor(TestPeople.Drafter), CancellationToken.None));
        return id;
    }

    public async Task<OutgoingDocument> DocumentAsync(Guid id)
    {
        await using var scope = Host.Scope();
        return await scope.ServiceProvider.GetRequiredService<DbContext>().Set<OutgoingDocument>().AsNoTracking().SingleAsync(d => d.Id == id);
    }

    /// <summary>The document's open user tasks, by element: where its process waits.</summary>
    public async Task<List<string>> OpenStepsAsync(Guid id)
    {
        await using var scope = Host.Scope();
        var key = id.ToString();
        return await scope.ServiceProvider.GetRequiredService<EngineDb>().Bookmarks.AsNoTracking()
            .Where(b => b.BusinessKey == key && b.Kind == BookmarkKind.UserTask && b.Status == BookmarkStatus.Active)
            .Select(b => b.ElementId).ToListAsync();
    }

    /// <summary>The shipped diagram: the contract under test is the one the host deploys.</summary>
    internal static string ShippedDiagram(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "workflows", name);
            if (File.Exists(path))
                return path;
        }

        throw new FileNotFoundException($"workflows/{name} not found above {AppContext.BaseDirectory}.");
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
