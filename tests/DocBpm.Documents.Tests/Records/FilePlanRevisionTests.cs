using System.Data.Common;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Records;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Documents.Tests.Outgoing;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static DocBpm.Documents.Tests.Records.FilePlanProcessTests;

namespace DocBpm.Documents.Tests.Records;

/// <summary>
/// NĐ30 Article 28: the plan the Director approves is the plan the office submitted. An edit and the submission (or a
/// decision) of the same plan, two requests with their own contexts, interleaved at the point where one has read the plan
/// and not yet written: the later writer is refused and nothing of it is stored. Then the same across requests: an edit,
/// submission or decision made on a revision someone has changed since is refused.
/// </summary>
[TestClass]
public sealed class FilePlanRevisionTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    /// <summary>A host with the shipped file-plan process, on <paramref name="provider"/>.</summary>
    private static async Task<DocumentsTestHost> StartAsync(DatabaseProvider provider, PausingPeople people, PlanReads? reads = null)
    {
        var host = await DocumentsTestHost.StartAsync(provider, configure: (services, configuration) =>
        {
            services.AddDocBpmDocuments<DbContext>(configuration);
            services.AddSingleton<IPeopleDirectory>(people);
            if (reads is not null)
            {
                services.ConfigureDbContext<SqliteDocumentsTestContext>(o => o.AddInterceptors(reads));
                services.ConfigureDbContext<PostgreSqlDocumentsTestContext>(o => o.AddInterceptors(reads));
            }
        });
        await DeployAsync(host, await ShippedAsync());
        return host;
    }

    private static Task<T> InScopeAsync<T>(DocumentsTestHost host, Func<RecordFiles, Task<T>> action) =>
        host.InScopeAsync(services => action(services.GetRequiredService<RecordFiles>()));

    private static Task<RecordFile> FileAsync(DocumentsTestHost host, Guid plan) =>
        host.InScopeAsync(services => services.GetRequiredService<DbContext>().Set<RecordFile>().AsNoTracking().SingleAsync(f => f.PlanId == plan));

    private static async Task<RecordFile> ReplanAsync(DocumentsTestHost host, Guid plan, string title, string? keeper, int? revision)
    {
        var file = await FileAsync(host, plan);
        return await InScopeAsync(host, records => records.ReplanFileAsync(plan, file.Id,
            new PlannedFileInput(file.HeadingId!.Value, title, null, keeper, null, null), revision, Office, CancellationToken.None));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article28_an_edit_that_read_the_draft_before_the_submission_committed_is_refused_and_the_submitted_plan_stays_as_submitted(
        DatabaseProvider provider)
    {
        var people = new PausingPeople();
        await using var host = await StartAsync(provider, people);
        var plan = await PlanAsync(host);
        // The edit has read the plan (a draft) and its files; it looks the keeper up, and meanwhile the office submits.
        var read = await RevisionAsync(host, plan);
        people.Meanwhile = () => StepAsync(host, a => a.SubmitAsync(plan, read, Office, CancellationToken.None));

        var refused = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => ReplanAsync(host, plan, "Hồ sơ sửa sau khi trình", "chuyenvien", read));

        Assert.AreEqual(RefusalKind.Conflict, refused.Kind);
        Assert.AreEqual("lost-race", refused.Rule);
        Assert.IsTrue(people.Ran, "the submission ran between the edit's read and its write");
        Assert.AreEqual(FilePlanState.Submitted, (await PlanStateAsync(host, plan)).State);
        Assert.AreEqual("Hồ sơ tuyển dụng viên chức", (await FileAsync(host, plan)).Title, "the plan under review is the one submitted");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article28_a_submission_that_read_the_plan_before_an_edit_committed_is_refused_and_the_plan_stays_a_draft_with_the_edit(
        DatabaseProvider provider)
    {
        var reads = new PlanReads();
        await using var host = await StartAsync(provider, new PausingPeople(), reads);
        var plan = await PlanAsync(host);
        var read = (await PlanStateAsync(host, plan)).Revision;

        var refused = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(async () =>
        {
            await using var scope = host.Scope();
            // The submission has checked the plan it read; its process's Submitted step reads the plan again, and just
            // before that read an edit commits.
            reads.Second(scope.ServiceProvider.GetRequiredService<DbContext>(), () => ReplanAsync(host, plan, "Hồ sơ sửa trong lúc trình", null, read));
            await scope.ServiceProvider.GetRequiredService<FilePlanApproval>().SubmitAsync(plan, read, Office, CancellationToken.None);
        });

        Assert.AreEqual((RefusalKind.Conflict, "lost-race"), (refused.Kind, refused.Rule), "the plan's own words, not the engine's");
        StringAssert.Contains(refused.DetailVi, "Danh mục hồ sơ năm 2027 vừa được người khác sửa cùng lúc");
        Assert.IsTrue(reads.Ran, "the edit ran between the submission's check and its process's step");
        var stored = await PlanStateAsync(host, plan);
        Assert.AreEqual(FilePlanState.Draft, stored.State, "nobody submitted the edited plan");
        Assert.AreEqual(read + 1, stored.Revision, "the edit's revision, and only it");
        Assert.AreEqual("Hồ sơ sửa trong lúc trình", (await FileAsync(host, plan)).Title);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article28_an_edit_submission_or_decision_on_a_revision_changed_since_is_refused_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider, new PausingPeople());
        var plan = await PlanAsync(host);
        var read = (await PlanStateAsync(host, plan)).Revision;
        await ReplanAsync(host, plan, "Bản của người thứ nhất", null, read);

        var stale = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => ReplanAsync(host, plan, "Bản của người thứ hai", null, read));
        Assert.AreEqual("plan-changed", stale.Rule);
        Assert.AreEqual(RefusalKind.Conflict, stale.Kind);
        StringAssert.Contains(stale.DetailVi, "đã được người khác sửa");
        Assert.AreEqual("Bản của người thứ nhất", (await FileAsync(host, plan)).Title, "the first edit is not lost");
        await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => InScopeAsync(host, records =>
            records.AddHeadingAsync(plan, "Thi đua", "TD", read, Office, CancellationToken.None)));
        await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => StepAsync(host, a => a.SubmitAsync(plan, read, Office, CancellationToken.None)));
        Assert.AreEqual(FilePlanState.Draft, (await PlanStateAsync(host, plan)).State, "a plan is submitted as its submitter saw it");

        var submitted = (await PlanStateAsync(host, plan)).Revision;
        await StepAsync(host, a => a.SubmitAsync(plan, submitted, Office, CancellationToken.None));
        var seen = (await PlanStateAsync(host, plan)).Revision;
        Assert.AreEqual(submitted + 1, seen, "the submission is a change of the plan");
        await StepAsync(host, a => a.DecideAsync(plan, false, "Thiếu hồ sơ thi đua", null, seen, Director, CancellationToken.None));
        await ReplanAsync(host, plan, "Bản sửa sau khi trả lại", null, seen + 1);
        await StepAsync(host, a => a.SubmitAsync(plan, seen + 2, Office, CancellationToken.None));

        var approval = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() =>
            StepAsync(host, a => a.DecideAsync(plan, true, null, "05/QĐ-SGDĐT", seen, Director, CancellationToken.None)));
        Assert.AreEqual("plan-changed", approval.Rule, "the Director approves the plan as resubmitted, not the one he read before");
        Assert.AreEqual(FilePlanState.Submitted, (await PlanStateAsync(host, plan)).State);
        await StepAsync(host, a => a.DecideAsync(plan, true, null, "05/QĐ-SGDĐT", seen + 3, Director, CancellationToken.None));
        Assert.AreEqual(FilePlanState.Approved, (await PlanStateAsync(host, plan)).State);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article28_a_submission_of_a_plan_emptied_since_it_was_read_is_refused_as_changed_and_one_that_names_no_revision_as_such(
        DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider, new PausingPeople());
        var plan = await PlanAsync(host);
        var read = (await PlanStateAsync(host, plan)).Revision;
        var file = await FileAsync(host, plan);
        await InScopeAsync(host, async records =>
        {
            await records.UnplanFileAsync(plan, file.Id, read, Office, CancellationToken.None);
            return true;
        });

        var stale = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => StepAsync(host, a => a.SubmitAsync(plan, read, Office, CancellationToken.None)));
        Assert.AreEqual(("plan-changed", RefusalKind.Conflict), (stale.Rule, stale.Kind), "the submitter reloads and sees the plan as it is now");
        var unnamed = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => StepAsync(host, a => a.SubmitAsync(plan, null, Office, CancellationToken.None)));
        Assert.AreEqual(("plan-revision-required", RefusalKind.PreconditionRequired), (unnamed.Rule, unnamed.Kind));
        var empty = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => StepAsync(host, a => a.SubmitAsync(plan, read + 1, Office, CancellationToken.None)));
        Assert.AreEqual("plan-empty", empty.Rule, "read as it is now, the plan is refused for what it is");
        var now = await PlanStateAsync(host, plan);
        Assert.AreEqual((read + 1, FilePlanState.Draft), (now.Revision, now.State), "nothing stored by the refused submissions");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article28_an_edit_submission_or_decision_that_names_no_revision_is_refused_and_stores_nothing(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider, new PausingPeople());
        var plan = await PlanAsync(host);
        var before = await PlanStateAsync(host, plan);

        var edit = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => ReplanAsync(host, plan, "Bản không nêu phiên bản", null, null));
        Assert.AreEqual(RefusalKind.PreconditionRequired, edit.Kind);
        Assert.AreEqual("plan-revision-required", edit.Rule);
        StringAssert.Contains(edit.DetailVi, "phiên bản");
        await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() => InScopeAsync(host, records =>
            records.AddHeadingAsync(plan, "Thi đua", "TD", null, Office, CancellationToken.None)));
        var submission = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() =>
            StepAsync(host, a => a.SubmitAsync(plan, null, Office, CancellationToken.None)));
        Assert.AreEqual(RefusalKind.PreconditionRequired, submission.Kind);
        var unchanged = await PlanStateAsync(host, plan);
        Assert.AreEqual((before.Revision, FilePlanState.Draft), (unchanged.Revision, unchanged.State));
        Assert.AreEqual("Hồ sơ tuyển dụng viên chức", (await FileAsync(host, plan)).Title);

        await StepAsync(host, a => a.SubmitAsync(plan, before.Revision, Office, CancellationToken.None));
        var decision = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() =>
            StepAsync(host, a => a.DecideAsync(plan, true, null, "05/QĐ-SGDĐT", null, Director, CancellationToken.None)));
        Assert.AreEqual(RefusalKind.PreconditionRequired, decision.Kind, "the Director approves only a plan he names as read");
        Assert.AreEqual(FilePlanState.Submitted, (await PlanStateAsync(host, plan)).State);
    }

    /// <summary>Runs another request once, just before one context's second read of a plan (the first being the request's own check).</summary>
    private sealed class PlanReads : DbCommandInterceptor
    {
        private DbContext? watched;
        private Func<Task>? meanwhile;
        private int reads;

        public bool Ran { get; private set; }

        public void Second(DbContext context, Func<Task> action) => (watched, meanwhile) = (context, action);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context == watched && command.CommandText.Contains("rec_file_plans", StringComparison.Ordinal) && ++reads == 2
                && meanwhile is { } action)
            {
                meanwhile = null;
                await action();
                Ran = true;
            }

            return result;
        }
    }

    /// <summary>The people directory of the tests, which runs another request once at the next look-up: a point where an edit has read and not written.</summary>
    private sealed class PausingPeople : IPeopleDirectory
    {
        private readonly TestPeople people = new();

        public Func<Task>? Meanwhile { get; set; }

        public bool Ran { get; private set; }

        public async Task<Person?> FindAsync(string userName, CancellationToken cancellationToken)
        {
            if (Meanwhile is { } meanwhile)
            {
                Meanwhile = null;
                await meanwhile();
                Ran = true;
            }

            return await people.FindAsync(userName, cancellationToken);
        }

        public Task<IReadOnlyList<Person>> UnitHeadsAsync(string unitCode, CancellationToken cancellationToken) => people.UnitHeadsAsync(unitCode, cancellationToken);

        public Task<IReadOnlyList<Person>> DirectorsAsync(CancellationToken cancellationToken) => people.DirectorsAsync(cancellationToken);
    }
}
