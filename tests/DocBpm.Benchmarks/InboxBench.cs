using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Text;
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
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DocBpm.Benchmarks;

/// <summary>
/// The inbox and the incoming search at scale (issue 19), on PostgreSQL through the reader classes the API and pages
/// use: seeds a database of <c>--documents</c> incoming documents once (kept for a rerun), then times each role's first
/// inbox page, next page, tray counts and a search with and without hits. Not part of the test suite: run it by hand,
/// once, on a quiet machine (<c>dotnet run --project tests/DocBpm.Benchmarks -- inbox --documents 100000</c>).
/// </summary>
public static class InboxBench
{
    private const int Batch = 2_000;
    private const int Warmup = 5;
    private const int Runs = 40;
    private static readonly string[] Units = ["TCCB", "KHTC", "GDTrH", "GDMNTH", "TTr"];

    private static readonly string[] Topics =
    [
        "kế hoạch tuyển sinh", "thi tốt nghiệp", "bồi dưỡng giáo viên", "kiểm tra nội bộ", "quyết toán ngân sách", "thi đua khen thưởng",
        "chuyển đổi số", "an toàn trường học", "sách giáo khoa", "biên chế", "phòng chống thiên tai", "y tế học đường", "công tác dân vận",
    ];

    private static readonly (string Role, ClaimsPrincipal User)[] Roles =
    [
        ("Giám đốc", Person("giamdoc", "BGD", StaffRole.Director)),
        ("Văn thư", Person("vanthu", "VP", StaffRole.Clerk)),
        ("Trưởng phòng", Person("truongphong.gdtrh", "GDTrH", StaffRole.UnitHead)),
    ];

    public static async Task RunAsync(string[] args, string? postgres, CancellationToken cancellationToken)
    {
        var documents = 100_000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--documents")
                documents = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--postgres")
                postgres = args[++i];
            else
                throw new ArgumentException($"Unknown option {args[i]}. Options: --documents N --postgres CONN");
        }
        if (documents is < 1 or > 2_000_000)
            throw new ArgumentException("--documents must be between 1 and 2,000,000.");
        var connection = BenchOptions.WithDatabase(postgres ?? throw new ArgumentException("PostgreSQL is required: --postgres CONN or DOCBPM_TEST_POSTGRES."),
            $"docbpm_inbox_{documents}");

        await using var services = Services(connection);
        var seeded = await SeedAsync(services, connection, documents, cancellationToken);
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
        var file = Path.Combine(BenchReport.FindRepoRoot(), "docs", "benchmarks.md");
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
        yield return ("số việc từng ngăn", (sp, ct) => sp.GetRequiredService<InboxNavTrays>().CountAsync(user.ToTaskActor(), ct));
        yield return ("tìm văn bản đến, có kết quả", (sp, ct) => sp.GetRequiredService<IncomingQueries>()
            .SearchAsync(new IncomingSearch(null, null, "ke hoach tuyen sinh", null, null, null, null, 1, 20), reader, ct));
        yield return ("tìm văn bản đến, không có kết quả", (sp, ct) => sp.GetRequiredService<IncomingQueries>()
            .SearchAsync(new IncomingSearch(null, null, "zzqx khong co", null, null, null, null, 1, 20), reader, ct));
    }

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

    /// <summary>Migrates and fills the database unless a previous run did; returns the seconds the seeding took (0 when reused).</summary>
    private static async Task<double> SeedAsync(IServiceProvider services, string connectionString, int documents, CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
            await db.Database.MigrateAsync(cancellationToken);
            if (await db.Set<IncomingDocument>().CountAsync(cancellationToken) == documents)
                return 0;
        }

        var started = Stopwatch.GetTimestamp();
        var definitionId = Guid.CreateVersion7();
        var now = TimeProvider.System.GetUtcNow();
        var span = TimeSpan.FromDays(5 * 365);
        for (var first = 0; first < documents; first += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
            if (first == 0)
            {
                db.Set<DefinitionRecord>().Add(new DefinitionRecord
                {
                    Id = definitionId, Key = IncomingProcess.DefinitionKey, Version = 1, ContentHash = "bench", Xml = "<bench/>", DeployedAt = now,
                });
            }
            for (var i = first; i < Math.Min(documents, first + Batch); i++)
                Document(db, definitionId, i, now - span + span * ((double)i / documents));
            await db.SaveChangesAsync(cancellationToken);
            if (first / Batch % 50 == 0)
                Console.WriteLine($"seeded {first + Batch:N0} of {documents:N0} documents");
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection);
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>
    /// One document as the incoming flow leaves it: assigned to a division, handled in its process (one user task per
    /// document). One in fifty is still open: its task is the clerks' check, the Director's instruction or the unit's
    /// handling in turn; the rest are completed history, whose closed tasks keep their candidate rows.
    /// </summary>
    private static void Document(DbContext db, Guid definitionId, int i, DateTimeOffset received)
    {
        var id = Guid.CreateVersion7();
        var unit = Units[i % Units.Length];
        var open = i % 50 == 0;
        var urgency = (Urgency)(i % 97 == 0 ? 3 : i % 13 == 0 ? 2 : i % 5 == 0 ? 1 : 0);
        db.Set<IncomingDocument>().Add(new IncomingDocument
        {
            Id = id, ProcessKey = id.ToString(), IssuingAgency = $"UBND huyện {i % 11}", CodeNumber = (i % 900 + 1).ToString(CultureInfo.InvariantCulture),
            CodeNotation = "UBND-VX", DocumentType = "Công văn", Subject = $"Về việc {Topics[i % Topics.Length]} năm {2021 + i % 5}, đợt {i % 7}",
            FileIds = "", ArrivedAt = received, ReceivedAt = received, Status = open ? IncomingStatus.Assigned : IncomingStatus.Completed,
            Urgency = urgency, Deadline = received.AddDays(10), CompletedAt = open ? null : received.AddDays(7), DocumentDate = DateOnly.FromDateTime(received.UtcDateTime),
            IncomingNumber = i + 1,
        });
        db.Set<IncomingAssignment>().Add(new IncomingAssignment
        {
            Id = Guid.CreateVersion7(), DocumentId = id, Role = HandlingRole.Main, Kind = AssigneeKind.Unit, Assignee = unit, AssigneeName = unit,
            UnitCode = unit, AssignedBy = "giamdoc", AssignedAt = received, Deadline = received.AddDays(10),
        });
        var instance = new InstanceRecord
        {
            Id = Guid.CreateVersion7(), DefinitionId = definitionId, DefinitionKey = IncomingProcess.DefinitionKey, DefinitionVersion = 1,
            BusinessKey = id.ToString(), Status = open ? InstanceStatus.Running : InstanceStatus.Completed, State = "{}", StartedAt = received,
            EndedAt = open ? null : received.AddDays(7), Revision = 3,
        };
        db.Set<InstanceRecord>().Add(instance);
        var (element, assignee, groups) = (open ? i / 50 % 4 : 3) switch
        {
            0 => (IncomingProcess.ClerkCheck, (string?)null, new[] { StaffRole.Clerk }),
            1 => (IncomingProcess.DirectorInstruction, "giamdoc", Array.Empty<string>()),
            _ => (IncomingProcess.Process, null, new[] { unit }),
        };
        var task = new BookmarkRecord
        {
            Id = Guid.CreateVersion7(), InstanceId = instance.Id, Kind = BookmarkKind.UserTask, Status = open ? BookmarkStatus.Active : BookmarkStatus.Completed,
            ElementId = element, TaskName = "Xử lý văn bản đến", Assignee = assignee, CandidateGroups = TaskAccess.Encode(groups),
            TaskDueDate = received.AddDays(10), Priority = (int)urgency, CreatedAt = received, ClosedAt = open ? null : received.AddDays(7),
            ClosedBy = open ? null : "truongphong." + unit.ToLowerInvariant(), BusinessKey = id.ToString(), DefinitionKey = IncomingProcess.DefinitionKey,
        };
        db.Set<BookmarkRecord>().Add(task);
        db.Set<BookmarkCandidateRecord>().AddRange(BookmarkCandidateRecord.Of(task.Id, null, groups));
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
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average at the end (1/5/15 min): {BenchDocument.LoadAverage()} (the machine was shared with other engineers' builds)");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Seeding: {(seedSeconds == 0 ? "reused from a previous run" : $"{seedSeconds:N0} s")}; {Warmup} warm-up and {Runs} timed runs per row");
        text.AppendLine();
        text.AppendLine("| role | operation | p50 ms | p95 ms |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var row in rows)
            text.AppendLine(row);
        return text.ToString();
    }

    /// <summary>The report with this size's section replaced (or added), other sizes and the rest of the file kept.</summary>
    private static string Replace(string file, int documents, string section)
    {
        var heading = string.Create(CultureInfo.InvariantCulture, $"### {documents:N0} incoming documents");
        var start = file.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
            return file.TrimEnd() + "\n\n" + section;
        var end = file.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        var next = file.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        end = end < 0 ? next : next < 0 ? end : Math.Min(end, next);
        return file[..start] + section + (end < 0 ? "" : file[end..]);
    }
}
