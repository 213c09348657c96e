using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using DocBpm.Documents;
using DocBpm.Documents.Access;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using DocBpm.Web.Data;
using DocBpm.Web.Inbox;
using DocBpm.Web.Incoming;
using DocBpm.Web.Outgoing;
using DocBpm.Web.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DocBpm.Benchmarks;

/// <summary>
/// The inbox, the incoming search and the outgoing list at scale (issue 19), on PostgreSQL through the reader classes the
/// API and pages use: seeds a database of <c>--documents</c> incoming documents and a tenth as many outgoing ones once
/// (kept for a rerun), then times each role's first inbox page, next page, task list, tray counts, an incoming search with
/// and without hits, and the outgoing list's first and fifth page and a search of it by summary with and without hits. Not part of the test suite: run it by hand,
/// once, on a quiet machine (<c>dotnet run --project tests/DocBpm.Benchmarks -- inbox --documents 100000</c>).
/// </summary>
public static partial class InboxBench
{
    private const int Warmup = 5;
    private const int Runs = 40;

    private static readonly (string Role, ClaimsPrincipal User)[] Roles =
    [
        ("Giám đốc", Person("giamdoc", "BGD", StaffRole.Director)),
        ("Văn thư", Person("vanthu", "VP", StaffRole.Clerk)),
        ("Phó giám đốc", Person("phogiamdoc1", "BGD", StaffRole.Deputy)),
        ("Trưởng phòng", Person("truongphong.gdtrh", "GDTrH", StaffRole.UnitHead)),
        ("Chuyên viên", Person(InboxSeed.Specialist(1, "GDTrH"), "GDTrH", StaffRole.Staff)),
    ];

    public static async Task RunAsync(string[] args, string? postgres, CancellationToken cancellationToken)
    {
        var documents = 100_000;
        var seedOnly = false;
        var write = true;
        string? database = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--documents")
                documents = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--seed-only")
                seedOnly = true;
            else if (args[i] == "--postgres")
                postgres = args[++i];
            else if (args[i] == "--database")
                database = args[++i];
            else if (args[i] == "--no-write")
                write = false;
            else
                throw new ArgumentException($"Unknown option {args[i]}. Options: --documents N --seed-only --database NAME --postgres CONN --no-write");
        }
        if (documents is < 1 or > 2_000_000)
            throw new ArgumentException("--documents must be between 1 and 2,000,000.");
        var connection = BenchOptions.WithDatabase(postgres ?? throw new ArgumentException("PostgreSQL is required: --postgres CONN or DOCBPM_TEST_POSTGRES."),
            database ?? $"docbpm_inbox_{documents}");

        await using var services = Services(connection);
        var seeded = await InboxSeed.SeedAsync(services, connection, documents, cancellationToken)
            + await OutgoingSeed.SeedAsync(services, connection, documents, cancellationToken);
        // Seeding alone leaves the database for a later measuring run (which then reports it as reused).
        if (seedOnly)
        {
            Console.WriteLine($"seeded in {seeded:N0} s");
            return;
        }
        var rows = new List<string>();
        foreach (var (role, user) in Roles)
        {
            foreach (var (operation, run) in Operations(user))
            {
                var times = await TimeAsync(services, run, cancellationToken);
                rows.Add($"| {role} | {operation} | {Percentile(times, 0.5):F1} | {Percentile(times, 0.95):F1} |");
                Console.WriteLine(rows[^1]);
            }
        }

        var report = Report(documents, seeded, rows);
        Console.WriteLine(report);
        if (!write)
            return;
        var file = BenchDocument.Path(BenchReport.FindRepoRoot());
        await File.WriteAllTextAsync(file, Replace(await File.ReadAllTextAsync(file, cancellationToken), documents, report), cancellationToken);
    }

    private static ServiceProvider Services(string connection)
    {
        var configuration = new ConfigurationBuilder().Build();
        // DOCBPM_BENCH_SQL=1 prints the SQL of every query, to EXPLAIN them by hand (docs/benchmarks.md).
        var services = new ServiceCollection().AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter(DbLoggerCategory.Database.Command.Name, Environment.GetEnvironmentVariable("DOCBPM_BENCH_SQL") == "1" ? LogLevel.Information : LogLevel.Warning));
        services.AddDocBpmDatabase(new DatabaseSettings(DatabaseProvider.PostgreSql, connection));
        services.AddDocBpmDocuments<DocBpmDbContext>(configuration);
        services.AddDocBpmEngine<DocBpmDbContext>();
        services.AddScoped<OutgoingFailures>();
        services.AddScoped<InboxReader>();
        services.AddScoped<InboxNavTrays>();
        services.AddScoped<IncomingQueries>();
        services.AddScoped<OutgoingSearch>();
        return services.BuildServiceProvider();
    }

    private static IEnumerable<(string Operation, Func<IServiceProvider, CancellationToken, Task> Run)> Operations(ClaimsPrincipal user)
    {
        var reader = user.ToReader();
        yield return ("hộp công việc, trang 1", (sp, ct) => sp.GetRequiredService<InboxReader>().MineAsync(user, ct));
        yield return ("hộp công việc, trang 2", async (sp, ct) =>
        {
            var inbox = sp.GetRequiredService<InboxReader>();
            if ((await inbox.MineAsync(user, ct)).Next is { } next)
                await inbox.MineAsync(user, ct, after: next);
        });
        yield return ("việc của tôi (/api/tasks/mine)", async (sp, ct) =>
        {
            await foreach (var _ in MyTasks.Of(sp.GetRequiredService<EngineDb>(), user.ToTaskActor(), ct))
            {
            }
        });
        yield return ("số việc từng ngăn", (sp, ct) => sp.GetRequiredService<InboxNavTrays>().CountAsync(user.ToTaskActor(), ct));
        yield return ("tìm văn bản đến, có kết quả", (sp, ct) => sp.GetRequiredService<IncomingQueries>()
            .SearchAsync(new IncomingSearch(null, null, "ke hoach tuyen sinh", null, null, null, null, 1, 20), reader, ct));
        yield return ("tìm văn bản đến, không có kết quả", (sp, ct) => sp.GetRequiredService<IncomingQueries>()
            .SearchAsync(new IncomingSearch(null, null, "zzqx khong co", null, null, null, null, 1, 20), reader, ct));
        yield return ("danh sách văn bản đi, trang 1", (sp, ct) => sp.GetRequiredService<OutgoingSearch>().FindAsync(reader, Outgoing(null, 1), ct));
        yield return ("danh sách văn bản đi, trang 5", (sp, ct) => sp.GetRequiredService<OutgoingSearch>().FindAsync(reader, Outgoing(null, 5), ct));
        // As a clerk types it, without diacritics: a ninth of OutgoingSeed's summaries hold it, and none the other words.
        yield return ("tìm văn bản đi theo trích yếu, có kết quả", (sp, ct) => sp.GetRequiredService<OutgoingSearch>().FindAsync(reader, Outgoing("khen thuong", 1), ct));
        yield return ("tìm văn bản đi theo trích yếu, không có kết quả", (sp, ct) => sp.GetRequiredService<OutgoingSearch>().FindAsync(reader, Outgoing("zzqx khong co", 1), ct));
    }

    private static OutgoingCriteria Outgoing(string? text, int page) =>
        new(null, null, null, null, null, null, null, null, text, page, OutgoingFilter.DefaultPageSize);

    /// <summary>Milliseconds of each timed run, a fresh scope (DbContext) each as a request has.</summary>
    private static async Task<List<double>> TimeAsync(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task> run,
        CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var i = 0; i < Warmup + Runs; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var started = Stopwatch.GetTimestamp();
            await run(scope.ServiceProvider, cancellationToken);
            if (i >= Warmup)
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return times;
    }

    private static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static ClaimsPrincipal Person(string userName, string unit, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, userName), new Claim(UnitClaimsFactory.UnitClaim, unit), new Claim(ClaimTypes.Role, role)],
        "bench", ClaimTypes.Name, ClaimTypes.Role));

    private static string Report(int documents, double seedSeconds, List<string> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {documents:N0} incoming documents");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Date: {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average at the end (1/5/15 min): {BenchDocument.LoadAverage()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Beside them {OutgoingSeed.For(documents):N0} outgoing documents (`OutgoingSeed`), created over the same five years");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Seeding: {(seedSeconds == 0 ? "reused from a previous run" : $"{seedSeconds:N0} s")}; {Warmup} warm-up and {Runs} timed runs per row");
        text.AppendLine();
        text.AppendLine("| role | operation | p50 ms | p95 ms |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var row in rows)
            text.AppendLine(row);
        return text.ToString();
    }

    /// <summary>
    /// The inbox section (between its <c>bench:inbox</c> markers) with this size's subsection replaced, or added after the
    /// last size's subsection so it stays beside the others and the section's hand-written reading; the rest of the file kept.
    /// </summary>
    public static string Replace(string file, int documents, string subsection)
    {
        var section = BenchDocument.Section(file, Section) ?? "## Inbox and search at scale (issue 19)\n";
        var heading = string.Create(CultureInfo.InvariantCulture, $"### {documents:N0} incoming documents");
        var start = section.IndexOf(heading, StringComparison.Ordinal);
        if (start >= 0)
            return BenchDocument.ReplaceSection(file, Section, section[..start] + subsection.TrimEnd() + "\n" + section[EndOfSubsection(section, start)..]);
        var last = SizeHeading().Matches(section).LastOrDefault();
        var at = last is null ? section.Length : EndOfSubsection(section, last.Index);
        return BenchDocument.ReplaceSection(file, Section, section[..at].TrimEnd() + "\n\n" + subsection.TrimEnd() + "\n\n" + section[at..].TrimStart());
    }

    private const string Section = "inbox";

    private static int EndOfSubsection(string section, int start)
    {
        var end = section.IndexOf("\n### ", start + 4, StringComparison.Ordinal);
        return end < 0 ? section.Length : end + 1;
    }

    [GeneratedRegex(@"^### [0-9,]+ incoming documents$", RegexOptions.Multiline)]
    private static partial Regex SizeHeading();
}
