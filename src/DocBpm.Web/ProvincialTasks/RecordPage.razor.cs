using DocBpm.Documents.Organisation;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.Accounts;
using DocBpm.Web.Components;
using DocBpm.Web.Organisation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>
/// The clerk records a provincial task document that did not come over the axis (Article 12.1a): its number and notation,
/// date, issuer and summary, and one line per task with its deadline; each line then waits for the clerk's reconciliation
/// like one that came over the axis. The pick-lists only suggest the lead unit and the handler.
/// </summary>
public sealed partial class RecordPage
{
    // The lines are plain inputs named as the binder expects (Input.Lines[i].Content), beside the InputText fields.
    [SupplyParameterFromForm(FormName = "record")] private RecordTaskForm? Input { get; set; }

    private EditContext context = default!;
    private FormErrors? errors;
    private List<Unit> units = [];
    private List<IGrouping<Unit, HandlerChoice>> people = [];

    protected override async Task OnInitializedAsync()
    {
        // The markup renders at the first await: the form is ready before it.
        Input ??= new();
        var wanted = Math.Max(Input.Lines.Count + (Input.More is null ? 0 : 1), RecordTaskForm.FirstLines);
        while (Input.Lines.Count < wanted)
            Input.Lines.Add(new TaskLineForm());
        context = new EditContext(Input);
        errors = new FormErrors(context, HttpContext);
        if (!SignedIn)
            return;
        if (!User.IsInRole(Roles.Clerk))
        {
            HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var cancellationToken = HttpContext.RequestAborted;
        units = await TaskChoices.UnitsAsync(Db, cancellationToken);
        var byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        people = [.. (await People.ChoicesAsync(null, cancellationToken))
            .Where(c => c.UserName is not null && c.UnitCode is not null && byCode.ContainsKey(c.UnitCode))
            .GroupBy(c => byCode[c.UnitCode!])];
    }

    private async Task RecordAsync()
    {
        if (Input!.More is not null)
            return;
        TaskDocument? document = null;
        if (await errors!.TryAsync(async () =>
            {
                var problems = new Dictionary<string, string[]>();
                var request = Input.ToDocument(problems);
                foreach (var (number, line) in Input.Filled)
                {
                    if (await TaskChoices.ProposalRefusalAsync(Db, line.MainUnit, line.Handler, Time.GetUtcNow(), HttpContext.RequestAborted) is { } refusal)
                        problems[$"lines[{number}].handler"] = [$"Dòng {number}: {refusal}"];
                }
                FormInputException.ThrowIfAny(problems);
                document = await Flow.RecordAsync(request, User.Identity!.Name!, HttpContext.RequestAborted);
            }))
            Done("/provincial-tasks", $"Đã cập nhật văn bản {document!.Code} với {document.Tasks.Count} nhiệm vụ; các dòng chờ Văn thư rà soát, đối chiếu.");
    }
}
