using DocBpm.Documents.Organisation;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine;
using DocBpm.Web.Accounts;
using DocBpm.Web.Components;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>The steps before the handler: the clerk reconciles, the Director assigns units, the unit head names the handler.</summary>
public sealed partial class TaskPage
{
    private List<Unit> units = [];
    private List<AppUser> people = [];

    /// <summary>Also once the provincial office has corrected a line the clerk asked about: the clerk reconciles it again.</summary>
    private bool MayReconcile => task!.Stage is (TaskStage.Reconciling or TaskStage.AwaitingCorrection) && User.IsInRole(Roles.Clerk);

    private bool MayAssign => task!.Stage == TaskStage.Registered && (User.IsInRole(Roles.Director) || User.IsInRole(Roles.Deputy));

    private bool MayNameHandler => task!.Stage == TaskStage.Assigned && User.IsInRole(Roles.UnitHead)
        && User.FindFirst(UnitClaimsFactory.UnitClaim)?.Value == task.MainUnit;

    /// <summary>The pick-lists of the step the person may take.</summary>
    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        // The leaders pick units when assigning and when changing the coordinating units later.
        if (User.IsInRole(Roles.Director) || User.IsInRole(Roles.Deputy))
            units = await TaskChoices.UnitsAsync(Db, cancellationToken);
        if (MayNameHandler)
            people = await TaskChoices.PeopleAsync(Db, task!.MainUnit!, Time.GetUtcNow(), cancellationToken);
    }

    private async Task ReconcileAsync()
    {
        var form = HttpContext.Request.Form;
        if (!Enum.TryParse<ReconcileDecision>(form["decision"], out var decision) || !Enum.IsDefined(decision))
        {
            problem = "Cần chọn kết quả đối chiếu.";
            return;
        }
        if (!Vn.TryParseOptionalDate(form["correctedDeadline"], out var corrected))
        {
            problem = Vn.DateError("Thời hạn đã điều chỉnh");
            return;
        }
        await StepAsync(() => Flow.ReconcileAsync(Id, decision, Text(form["note"]), Text(form["content"]),
            corrected is { } d ? EndOfWorkingDay(d) : null,
            Actor, HttpContext.RequestAborted), "Đã ghi kết quả đối chiếu.");
    }

    private async Task AssignAsync()
    {
        var form = HttpContext.Request.Form;
        if (Text(form["mainUnit"]) is not { } mainUnit)
        {
            problem = "Cần chọn đơn vị chủ trì.";
            return;
        }
        string[] coordinating = [.. form["coordinatingUnits"].OfType<string>()];
        await StepAsync(() => Flow.AssignAsync(Id, mainUnit, coordinating, Actor, HttpContext.RequestAborted), "Đã phân giao nhiệm vụ.");
    }

    private async Task NameHandlerAsync()
    {
        var userName = Text(HttpContext.Request.Form["userName"]) ?? "";
        var mainUnit = await ProvincialTaskEndpoints.HeadedMainUnitAsync(Id, Db, User, HttpContext.RequestAborted);
        var refusal = mainUnit is null
            ? TaskChoices.HandlerOutsideUnit(task?.MainUnit ?? "")
            : await TaskChoices.HandlerRefusalAsync(Db, userName, mainUnit, Time.GetUtcNow(), HttpContext.RequestAborted);
        if (refusal is not null)
        {
            problem = refusal;
            return;
        }
        await StepAsync(() => Flow.AssignHandlerAsync(Id, userName, Actor, HttpContext.RequestAborted), "Đã giao người xử lý chính.");
    }

    /// <summary>Runs a step of the process and comes back to the task; a refused one shows its explanation and changes nothing.</summary>
    private Task StepAsync(Func<Task> step, string done) => StepAsync(async () =>
    {
        await step();
        return $"/provincial-tasks/{Id}";
    }, done);

    /// <summary>Runs a step and goes where it says; a refusal shows the same Vietnamese explanation as the API's problem details.</summary>
    private async Task StepAsync(Func<Task<string>> step, string done)
    {
        try
        {
            Done(await step(), done);
        }
        catch (RefusedException refused)
        {
            problem = Components.PageRefusals.Shown(HttpContext, refused);
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
