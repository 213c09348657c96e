using DocBpm.Documents.Access;
using DocBpm.Documents.Records;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Documents.Tests.Outgoing;
using DocBpm.Engine;
using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Documents.Tests.Records;

/// <summary>
/// NĐ30 Article 28 through workflows/file-plan.bpmn, without a web host: the shipped diagram deploys under its contract,
/// and a review step an analyst draws is taken by the plan's actions as it is, with no code of its own.
/// </summary>
[TestClass]
public sealed class FilePlanProcessTests
{
    internal static readonly Reader Office = new("chanhvanphong", "VP", [StaffRole.OfficeChief]);
    internal static readonly Reader Director = new("giamdoc", null, [StaffRole.Director]);
    private static readonly Reader Deputy = new("phogiamdoc1", null, [StaffRole.Deputy]);

    private static async Task<DocumentsTestHost> HostAsync() =>
        await DocumentsTestHost.StartAsync(DatabaseProvider.Sqlite, configure: (services, configuration) =>
        {
            services.AddDocBpmDocuments<DbContext>(configuration);
            services.AddSingleton<Organisation.IPeopleDirectory, TestPeople>();
        });

    internal static async Task DeployAsync(DocumentsTestHost host, string xml)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<DefinitionStore>().DeployAsync(scope.ServiceProvider.GetRequiredService<EngineDb>(), xml, "test",
            CancellationToken.None);
    }

    internal static Task<string> ShippedAsync() => File.ReadAllTextAsync(OutgoingScenario.ShippedDiagram("file-plan.bpmn"));

    [TestMethod]
    public async Task Decree30_Article28_the_shipped_file_plan_diagram_deploys_and_a_version_without_the_Directors_step_is_refused()
    {
        await using var host = await HostAsync();
        var shipped = await ShippedAsync();

        await DeployAsync(host, shipped);

        var refused = await Assert.ThrowsExactlyAsync<BpmnValidationException>(() =>
            DeployAsync(host, shipped.Replace("\"DirectorApproval\"", "\"LeaderApproval\"", StringComparison.Ordinal)));
        CollectionAssert.Contains(refused.Errors.Select(e => e.ElementId).ToList(), FilePlanProcess.DirectorApproval);
    }

    [TestMethod]
    public async Task Decree30_Article28_a_deputy_review_an_analyst_adds_runs_before_the_Directors_approval_without_code_changes()
    {
        await using var host = await HostAsync();
        var deputyStep = """
            <bpmn:sequenceFlow id="ToDirector" sourceRef="MarkSubmitted" targetRef="DeputyReview" />
            <bpmn:userTask id="DeputyReview" name="Phó Giám đốc xem xét danh mục hồ sơ"><bpmn:extensionElements><docbpm:assignment candidateGroups="PhoGiamDoc" formKey="file-plan-review" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:exclusiveGateway id="DeputyDecided" default="DeputyReturned" />
            <bpmn:sequenceFlow id="ToDeputyDecided" sourceRef="DeputyReview" targetRef="DeputyDecided" />
            <bpmn:sequenceFlow id="DeputyAgreed" sourceRef="DeputyDecided" targetRef="DirectorApproval"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">approved === true</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="DeputyReturned" sourceRef="DeputyDecided" targetRef="MarkReturned" />
            """;
        var shipped = await ShippedAsync();
        const string directFlow = """<bpmn:sequenceFlow id="ToDirector" sourceRef="MarkSubmitted" targetRef="DirectorApproval" />""";
        StringAssert.Contains(shipped, directFlow);
        await DeployAsync(host, shipped.Replace(directFlow, deputyStep, StringComparison.Ordinal)
            .Replace("<bpmndi:BPMNEdge id=\"ToDirector_di\" bpmnElement=\"ToDirector\"><di:waypoint x=\"250\" y=\"140\" /><di:waypoint x=\"300\" y=\"140\" /></bpmndi:BPMNEdge>", "",
                StringComparison.Ordinal));
        var plan = await PlanAsync(host);

        var draft = await RevisionAsync(host, plan);
        await StepAsync(host, a => a.SubmitAsync(plan, draft, Office, CancellationToken.None));
        Assert.AreEqual("Phó Giám đốc xem xét danh mục hồ sơ", (await WaitingAsync(host, plan)).Single());
        var submitted = await RevisionAsync(host, plan);
        var early = await Assert.ThrowsExactlyAsync<RecordsRefusedException>(() =>
            StepAsync(host, a => a.DecideAsync(plan, true, null, null, submitted, Director, CancellationToken.None)));
        Assert.AreEqual(RefusalKind.Forbidden, early.Kind, "the Director's step is not open yet");

        await StepAsync(host, a => a.DecideAsync(plan, true, null, null, submitted, Deputy, CancellationToken.None));
        Assert.AreEqual(FilePlanState.Submitted, (await PlanStateAsync(host, plan)).State, "the deputy's agreement approves nothing");
        Assert.AreEqual("Giám đốc phê duyệt danh mục hồ sơ", (await WaitingAsync(host, plan)).Single());
        var agreed = await RevisionAsync(host, plan);
        await StepAsync(host, a => a.DecideAsync(plan, true, null, "03/QĐ-SGDĐT", agreed, Director, CancellationToken.None));

        var approved = await PlanStateAsync(host, plan);
        Assert.AreEqual(FilePlanState.Approved, approved.State);
        Assert.AreEqual("giamdoc", approved.ApprovedBy, "the approver is who completed the step before the Approved stage");
        Assert.AreEqual("03/QĐ-SGDĐT", approved.Decision);
    }

    /// <summary>A draft plan of next year with one heading and one planned file, stored as the office builds it.</summary>
    internal static async Task<Guid> PlanAsync(DocumentsTestHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var plan = new FilePlan { Id = Guid.CreateVersion7(), Year = 2027, CreatedBy = Office.UserName };
        var heading = new FilePlanHeading { Id = Guid.CreateVersion7(), PlanId = plan.Id, Ordinal = 1, Title = "Tổ chức cán bộ", Abbreviation = "TCCB" };
        plan.Headings.Add(heading);
        db.Add(plan);
        db.Add(new RecordFile
        {
            Id = Guid.CreateVersion7(), PlanId = plan.Id, HeadingId = heading.Id, Year = 2027, Serial = 1, Notation = "01.TCCB",
            Title = "Hồ sơ tuyển dụng viên chức", State = RecordFileState.Planned,
        });
        await db.SaveChangesAsync();
        return plan.Id;
    }

    internal static async Task StepAsync(DocumentsTestHost host, Func<FilePlanApproval, Task> step)
    {
        await using var scope = host.Scope();
        await step(scope.ServiceProvider.GetRequiredService<FilePlanApproval>());
    }

    private static Task<List<string>> WaitingAsync(DocumentsTestHost host, Guid plan) => host.InScopeAsync(async services =>
        (await services.GetRequiredService<FilePlanApproval>().ReviewAsync(plan, CancellationToken.None)).Waiting.Select(t => t.TaskName!).ToList());

    internal static Task<FilePlan> PlanStateAsync(DocumentsTestHost host, Guid plan) =>
        host.InScopeAsync(services => services.GetRequiredService<DbContext>().Set<FilePlan>().AsNoTracking().SingleAsync(p => p.Id == plan));

    /// <summary>The plan's revision as a page or client reads it before it changes the plan.</summary>
    internal static async Task<int> RevisionAsync(DocumentsTestHost host, Guid plan) => (await PlanStateAsync(host, plan)).Revision;
}
