using System.Diagnostics;
using System.Globalization;
using DocBpm.Documents.Access;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DocBpm.Benchmarks;

/// <summary>
/// The Department's outgoing history beside <see cref="InboxSeed"/>'s incoming one: one outgoing document for every ten
/// incoming, created evenly over the same five years, each taken through the outgoing flow with one user task per step
/// as <c>workflows/outgoing.bpmn</c> names them: the drafter's draft (assigned), a co-operating unit's review for half of
/// them (offered to that unit), the drafting unit head's check (offered to them by name), a leader's signature
/// (assigned), the clerks' issue (offered to the clerks) and, for one in five, an internal recipient unit's receipt
/// (offered to it, closed). Offered tasks are closed by one of the people offered them, without a claim, so they stay
/// unassigned, as in the application. The newest fiftieth is partly open, spread over the steps. Deterministic (fixed
/// seed). Rows are built as entities, so their search keys are the ones the setters fold, and copied with every mapped
/// column (<see cref="TableCopy"/>), keys included.
/// </summary>
public static class OutgoingSeed
{
    private const int Batch = 10_000;
    private const int DocumentsPerOutgoing = 10;

    private static readonly string[] Signers = ["giamdoc", "phogiamdoc1", "phogiamdoc2"];

    private static readonly string[] Subjects =
    [
        "Kế hoạch tuyển sinh", "Hướng dẫn thi tốt nghiệp", "Bồi dưỡng giáo viên", "Kiểm tra nội bộ", "Khen thưởng học sinh giỏi",
        "Chuyển đổi số trong trường học", "Đảm bảo an toàn trường học", "Lựa chọn sách giáo khoa", "Phòng chống thiên tai",
    ];

    /// <summary>The steps in the order the flow takes them; a document waits at one, or has passed them all.</summary>
    private enum Step { Draft, Review, UnitHeadCheck, Sign, ClerkCheck, Issued }

    public static int For(int incomingDocuments) => incomingDocuments / DocumentsPerOutgoing;

    /// <summary>Fills the outgoing history unless a previous run did; returns the seconds it took (0 when reused).</summary>
    public static async Task<double> SeedAsync(IServiceProvider services, string connectionString, int incomingDocuments, CancellationToken cancellationToken)
    {
        var documents = For(incomingDocuments);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DocBpmDbContext>();
        var stored = await db.Set<OutgoingDocument>().CountAsync(cancellationToken);
        if (stored == documents)
            return 0;
        if (stored != 0)
            throw new InvalidOperationException($"The database holds {stored:N0} outgoing documents, not {documents:N0}: seed a new database.");

        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var copy = new TableCopy(db, connection);
        var now = TimeProvider.System.GetUtcNow();
        var definition = new DefinitionRecord
        {
            Id = Guid.CreateVersion7(), Key = OutgoingProcess.Key, Version = 1, ContentHash = "bench", Xml = "<bench/>", DeployedAt = now,
        };
        await copy.WriteAsync([definition], cancellationToken);
        var random = new Random(20);
        var span = TimeSpan.FromDays(5 * 365);
        for (var first = 0; first < documents; first += Batch)
        {
            var rows = new Rows();
            for (var i = first; i < Math.Min(documents, first + Batch); i++)
                Document(rows, definition.Id, i, documents, now - span + span * ((double)i / documents), random);
            await copy.WriteAsync(rows.Documents, cancellationToken);
            await copy.WriteAsync(rows.Instances, cancellationToken);
            await copy.WriteAsync(rows.Tasks, cancellationToken);
            await copy.WriteAsync(rows.Candidates, cancellationToken);
        }
        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private sealed class Rows
    {
        public List<OutgoingDocument> Documents { get; } = [];
        public List<InstanceRecord> Instances { get; } = [];
        public List<BookmarkRecord> Tasks { get; } = [];
        public List<BookmarkCandidateRecord> Candidates { get; } = [];
    }

    private static Step StepOf(int i, int documents, Random random) =>
        InboxSeed.StillOpen(i, documents, random) ? (Step)random.Next((int)Step.Issued) : Step.Issued;

    private static void Document(Rows rows, Guid definitionId, int i, int documents, DateTimeOffset created, Random random)
    {
        var step = StepOf(i, documents, random);
        var unit = InboxSeed.PickUnit(random.NextDouble());
        var drafter = InboxSeed.AnySpecialist(random, unit);
        var reviewer = random.NextDouble() < 0.5 ? InboxSeed.PickUnit(random.NextDouble()) : null;
        var recipient = random.NextDouble() < 0.2 ? InboxSeed.PickUnit(random.NextDouble()) : null;
        var signer = Signers[random.Next(Signers.Length)];
        var unitHead = "truongphong." + unit.ToLowerInvariant();
        var urgency = random.NextDouble() switch { < 0.01 => Urgency.Flash, < 0.06 => Urgency.Immediate, < 0.2 => Urgency.Urgent, _ => Urgency.Normal };
        var issued = step == Step.Issued;
        var id = Guid.CreateVersion7();
        var signedAt = created.AddDays(3);
        rows.Documents.Add(new OutgoingDocument
        {
            Id = id, TypeCode = "CV", TypeName = "Công văn", Subject = $"{Subjects[i % Subjects.Length]} năm học {2021 + i % 5}, đợt {i % 7}",
            DraftingUnit = unit, Drafter = drafter, Urgency = urgency, CreatedAt = created, SigningLeader = step >= Step.Sign ? signer : null,
            Stage = step switch
            {
                Step.Draft => OutgoingStage.Drafting, Step.Review or Step.UnitHeadCheck => OutgoingStage.Reviewing, Step.Sign => OutgoingStage.AwaitingSignature,
                Step.ClerkCheck => OutgoingStage.AwaitingIssue, _ => OutgoingStage.Issued,
            },
            SignerUserName = step > Step.Sign ? signer : null, SignerName = step > Step.Sign ? signer : null, SignedAt = step > Step.Sign ? signedAt : null,
            RegisterYear = issued ? created.Year : null, Number = issued ? i + 1 : null,
            NumberAndNotation = issued ? string.Create(CultureInfo.InvariantCulture, $"{i + 1}/SGDĐT-{unit}") : null,
            DocumentDate = issued ? DateOnly.FromDateTime(signedAt.UtcDateTime) : null, IssuedAt = issued ? signedAt.AddHours(2) : null,
            IssuedBy = issued ? "vanthu" : null,
        });
        var instance = new InstanceRecord
        {
            Id = Guid.CreateVersion7(), DefinitionId = definitionId, DefinitionKey = OutgoingProcess.Key, DefinitionVersion = 1,
            BusinessKey = id.ToString(), Status = issued ? InstanceStatus.Completed : InstanceStatus.Running, State = "{}",
            StartedAt = created, EndedAt = issued ? signedAt.AddDays(1) : null, Revision = 6,
        };
        rows.Instances.Add(instance);

        var hour = 0;
        void Task(Step at, string element, string? assignee, string? user, string? group, string closer)
        {
            if (step < at)
                return;
            // The recipient's receipt comes after the issue: issued documents' receipts are history.
            var active = step == at && at != Step.Issued;
            hour += 5;
            var task = new BookmarkRecord
            {
                Id = Guid.CreateVersion7(), InstanceId = instance.Id, Kind = BookmarkKind.UserTask, Status = active ? BookmarkStatus.Active : BookmarkStatus.Completed,
                ElementId = element, TaskName = element, Assignee = assignee, CandidateUsers = TaskAccess.Encode(user is null ? [] : [user]),
                CandidateGroups = TaskAccess.Encode(group is null ? [] : [group]), Priority = (int)urgency, CreatedAt = created.AddHours(hour),
                ClosedAt = active ? null : created.AddHours(hour + 4), ClosedBy = active ? null : closer, BusinessKey = id.ToString(),
                DefinitionKey = OutgoingProcess.Key,
            };
            rows.Tasks.Add(task);
            rows.Candidates.AddRange(BookmarkCandidateRecord.Of(task, user is null ? null : [user], group is null ? null : [group]));
        }

        Task(Step.Draft, OutgoingProcess.Draft, drafter, null, null, drafter);
        if (reviewer is not null)
            Task(Step.Review, OutgoingProcess.Review, null, null, reviewer, InboxSeed.AnySpecialist(random, reviewer));
        Task(Step.UnitHeadCheck, OutgoingProcess.UnitHeadCheck, null, unitHead, null, unitHead);
        Task(Step.Sign, OutgoingProcess.Sign, signer, null, null, signer);
        Task(Step.ClerkCheck, OutgoingProcess.ClerkCheck, null, null, StaffRole.Clerk, "vanthu");
        if (recipient is not null)
            Task(Step.Issued, OutgoingProcess.Receive, null, null, recipient, InboxSeed.AnySpecialist(random, recipient));
    }
}
