using System.Diagnostics;
using System.Globalization;
using DocBpm.Documents.Access;
using DocBpm.Documents.Incoming;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DocBpm.Benchmarks;

/// <summary>
/// A Department's incoming history for <see cref="InboxBench"/>: <c>N</c> documents received evenly over five years, each
/// taken through the incoming flow (clerks' check, Director's instruction, a unit's handling by one of its specialists)
/// with one user task per step. The units receive unequal shares. Almost everything is closed history; the open work is
/// mostly the last weeks' documents (about three in five of the newest fiftieth) plus a few old stragglers, spread over
/// the steps as a Department's trays are (one in ten with the clerks, one in ten with the Director, a quarter waiting in
/// a unit, the rest with a specialist). Deterministic (fixed seed), so every run measures the same data.
/// </summary>
public static class InboxSeed
{
    private const int Batch = 10_000;
    private const int SpecialistsPerUnit = 6;

    public static readonly (string Code, double Share)[] Units = [("TCCB", 0.25), ("KHTC", 0.2), ("GDTrH", 0.25), ("GDMNTH", 0.2), ("TTr", 0.1)];

    private static readonly string[] Topics =
    [
        "kế hoạch tuyển sinh", "thi tốt nghiệp", "bồi dưỡng giáo viên", "kiểm tra nội bộ", "quyết toán ngân sách", "thi đua khen thưởng",
        "chuyển đổi số", "an toàn trường học", "sách giáo khoa", "biên chế", "phòng chống thiên tai", "y tế học đường", "công tác dân vận",
    ];

    /// <summary>Where an open document waits; closed ones went through every step.</summary>
    private enum Step { Clerks, Director, Unit, Specialist, Closed }

    public static string Specialist(int number, string unit) => $"chuyenvien{number}.{unit.ToLowerInvariant()}";

    /// <summary>Migrates and fills the database unless a previous run did; returns the seconds the seeding took (0 when reused).</summary>
    public static async Task<double> SeedAsync(IServiceProvider services, string connectionString, int documents, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider, cancellationToken);
        if (await db.Set<IncomingDocument>().CountAsync(cancellationToken) == documents)
            return 0;

        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var copy = new TableCopy(db, connection);
        var now = TimeProvider.System.GetUtcNow();
        var definition = new DefinitionRecord
        {
            Id = Guid.CreateVersion7(), Key = IncomingProcess.DefinitionKey, Version = 1, ContentHash = "bench", Xml = "<bench/>", DeployedAt = now,
        };
        await copy.WriteAsync([definition], cancellationToken);
        var indexes = await DropIndexesAsync(db, connection, cancellationToken);
        var random = new Random(19);
        var span = TimeSpan.FromDays(5 * 365);
        for (var first = 0; first < documents; first += Batch)
        {
            var rows = new Rows();
            for (var i = first; i < Math.Min(documents, first + Batch); i++)
                Document(rows, definition.Id, i, documents, now - span + span * ((double)i / documents), random);
            await copy.WriteAsync(rows.Documents, cancellationToken);
            await copy.WriteAsync(rows.Assignments, cancellationToken);
            await copy.WriteAsync(rows.Instances, cancellationToken);
            await copy.WriteAsync(rows.Tasks, cancellationToken);
            await copy.WriteAsync(rows.Candidates, cancellationToken);
            if (first / Batch % 10 == 0)
                Console.WriteLine($"seeded {first + Batch:N0} of {documents:N0} documents");
        }

        foreach (var statement in indexes.Append("SET session_replication_role = origin").Append("VACUUM ANALYZE"))
            await ExecuteAsync(connection, statement, cancellationToken);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>
    /// Drops the secondary indexes of the seeded tables and turns off the foreign-key triggers for this session
    /// (<c>session_replication_role = replica</c>; the seed writes parents first): building an index once over all rows
    /// is several times cheaper than maintaining it row by row, the trigram GINs above all. Returns the statements that
    /// recreate the indexes.
    /// </summary>
    private static async Task<List<string>> DropIndexesAsync(DbContext db, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        Type[] seeded = [typeof(IncomingDocument), typeof(IncomingAssignment), typeof(InstanceRecord), typeof(BookmarkRecord), typeof(BookmarkCandidateRecord)];
        var tables = seeded.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToArray();
        var definitions = new List<(string Name, string Create)>();
        await using (var list = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables) " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", connection))
        {
            list.Parameters.AddWithValue("tables", tables);
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                definitions.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in definitions)
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", cancellationToken);
        await ExecuteAsync(connection, "SET session_replication_role = replica", cancellationToken);
        return [.. definitions.Select(d => d.Create)];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Rows
    {
        public List<IncomingDocument> Documents { get; } = [];
        public List<IncomingAssignment> Assignments { get; } = [];
        public List<InstanceRecord> Instances { get; } = [];
        public List<BookmarkRecord> Tasks { get; } = [];
        public List<BookmarkCandidateRecord> Candidates { get; } = [];
    }

    public static string PickUnit(double draw)
    {
        foreach (var (code, share) in Units)
        {
            if (draw < share)
                return code;
            draw -= share;
        }
        return Units[^1].Code;
    }

    /// <summary>Whether the <paramref name="i"/>th of the documents is still open: three in five of the newest fiftieth, a few older.</summary>
    public static bool StillOpen(int i, int documents, Random random) =>
        random.NextDouble() < (i >= documents - documents / 50 ? 0.6 : 0.002);

    public static string AnySpecialist(Random random, string unit) => Specialist(1 + random.Next(SpecialistsPerUnit), unit);

    private static Step StepOf(int i, int documents, Random random)
    {
        if (!StillOpen(i, documents, random))
            return Step.Closed;
        return random.NextDouble() switch
        {
            < 0.1 => Step.Clerks,
            < 0.2 => Step.Director,
            < 0.45 => Step.Unit,
            _ => Step.Specialist,
        };
    }

    private static void Document(Rows rows, Guid definitionId, int i, int documents, DateTimeOffset received, Random random)
    {
        var step = StepOf(i, documents, random);
        var unit = PickUnit(random.NextDouble());
        var specialist = AnySpecialist(random, unit);
        var urgency = random.NextDouble() switch { < 0.01 => Urgency.Flash, < 0.06 => Urgency.Immediate, < 0.2 => Urgency.Urgent, _ => Urgency.Normal };
        var open = step != Step.Closed;
        var id = Guid.CreateVersion7();
        var deadline = received.AddDays(10);
        rows.Documents.Add(new IncomingDocument
        {
            Id = id, ProcessKey = id.ToString(), IssuingAgency = $"UBND huyện {i % 11}", CodeNumber = (i % 900 + 1).ToString(CultureInfo.InvariantCulture),
            CodeNotation = "UBND-VX", DocumentType = "Công văn", Subject = $"Về việc {Topics[i % Topics.Length]} năm {2021 + i % 5}, đợt {i % 7}",
            FileIds = "", ArrivedAt = received, ReceivedAt = received,
            Status = step switch { Step.Clerks => IncomingStatus.Arrived, Step.Director => IncomingStatus.Registered, Step.Closed => IncomingStatus.Completed, _ => IncomingStatus.Assigned },
            Urgency = urgency, Deadline = deadline, CompletedAt = open ? null : received.AddDays(7), DocumentDate = DateOnly.FromDateTime(received.UtcDateTime),
            IncomingNumber = i + 1,
        });
        var instance = new InstanceRecord
        {
            Id = Guid.CreateVersion7(), DefinitionId = definitionId, DefinitionKey = IncomingProcess.DefinitionKey, DefinitionVersion = 1,
            BusinessKey = id.ToString(), Status = open ? InstanceStatus.Running : InstanceStatus.Completed, State = "{}", StartedAt = received,
            EndedAt = open ? null : received.AddDays(7), Revision = 3,
        };
        rows.Instances.Add(instance);

        void Task(Step at, string element, string? assignee, string? group, string closer, TimeSpan created, TimeSpan closed)
        {
            if (step < at)
                return;
            var active = step == at || (at == Step.Unit && step == Step.Specialist);
            if (at == Step.Unit && step > Step.Unit)
                assignee = specialist;
            var task = new BookmarkRecord
            {
                Id = Guid.CreateVersion7(), InstanceId = instance.Id, Kind = BookmarkKind.UserTask, Status = active ? BookmarkStatus.Active : BookmarkStatus.Completed,
                ElementId = element, TaskName = "Xử lý văn bản đến", Assignee = assignee, CandidateGroups = TaskAccess.Encode(group is null ? [] : [group]),
                TaskDueDate = deadline, Priority = (int)urgency, CreatedAt = received + created, ClosedAt = active ? null : received + closed,
                ClosedBy = active ? null : closer, BusinessKey = id.ToString(), DefinitionKey = IncomingProcess.DefinitionKey,
            };
            rows.Tasks.Add(task);
            rows.Candidates.AddRange(BookmarkCandidateRecord.Of(task, null, group is null ? null : [group]));
        }

        Task(Step.Clerks, IncomingProcess.ClerkCheck, null, StaffRole.Clerk, "vanthu", TimeSpan.Zero, TimeSpan.FromHours(1));
        Task(Step.Director, IncomingProcess.DirectorInstruction, "giamdoc", null, "giamdoc", TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        Task(Step.Unit, IncomingProcess.Process, null, unit, specialist, TimeSpan.FromDays(1), TimeSpan.FromDays(7));
        if (step < Step.Unit)
            return;
        rows.Assignments.Add(new IncomingAssignment
        {
            Id = Guid.CreateVersion7(), DocumentId = id, Role = HandlingRole.Main, Kind = AssigneeKind.Unit, Assignee = unit, AssigneeName = unit,
            UnitCode = unit, AssignedBy = "giamdoc", AssignedAt = received.AddDays(1), Deadline = deadline,
        });
        if (step > Step.Unit)
        {
            rows.Assignments.Add(new IncomingAssignment
            {
                Id = Guid.CreateVersion7(), DocumentId = id, Role = HandlingRole.Main, Kind = AssigneeKind.Person, Assignee = specialist,
                AssigneeName = specialist, UnitCode = unit, AssignedBy = "truongphong." + unit.ToLowerInvariant(), AssignedAt = received.AddDays(1),
                Deadline = deadline,
            });
        }
    }
}
