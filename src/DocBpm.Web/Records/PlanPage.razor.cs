using DocBpm.Documents.Records;
using DocBpm.Web.Accounts;
using DocBpm.Web.Components;
using DocBpm.Web.Organisation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DocBpm.Web.Records;

/// <summary>
/// The year's file plan (NĐ30 Article 28, Phụ lục V): everyone reads it; the office builds it while it is a draft
/// (headings added, renamed, moved, removed; planned files added, changed, removed, numbered again after each) and submits
/// it; the reviewers approve or return it. A refusal — a lost race or a plan submitted meanwhile among them — stands
/// above the forms and beside its field, with the plan as it now is.
/// </summary>
public sealed partial class PlanPage
{
    [Inject] private RecordFiles Records { get; set; } = default!;

    [Inject] private FilePlanApproval Approval { get; set; } = default!;

    [Inject] private PeopleNames Names { get; set; } = default!;

    [Inject] private PeopleDirectory People { get; set; } = default!;

    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery] private string? Ok { get; set; }

    [SupplyParameterFromQuery(Name = "heading")] private Guid? EditedHeading { get; set; }

    [SupplyParameterFromQuery(Name = "file")] private Guid? EditedFile { get; set; }

    [SupplyParameterFromForm(FormName = "heading")] private HeadingForm? HeadingInput { get; set; }

    [SupplyParameterFromForm(FormName = "file")] private PlannedFileForm? FileInput { get; set; }

    private PlanView? view;
    private List<RecordFile> files = [];
    private List<RetentionRule> schedule = [];
    private IReadOnlyList<HandlerChoice> keepers = [];
    private bool editing;
    private bool reviewing;
    private EditContext headingContext = default!;
    private EditContext fileContext = default!;
    private FormErrors? errors;

    private CancellationToken Aborted => HttpContext.RequestAborted;

    public static string StateText(FilePlanState state) => state switch
    {
        FilePlanState.Draft => "Dự thảo",
        FilePlanState.Submitted => "Đã trình",
        _ => "Đã phê duyệt",
    };

    protected override async Task OnParametersSetAsync()
    {
        HeadingInput ??= new();
        FileInput ??= new();
        headingContext = new EditContext(HeadingInput);
        fileContext = new EditContext(FileInput);
        if (!SignedIn)
            return;
        await Names.LoadAsync(Aborted);
        await LoadAsync();
        if (HttpMethods.IsGet(HttpContext.Request.Method))
            FillFromQuery();
    }

    private async Task LoadAsync()
    {
        try
        {
            var (plan, planned) = await Records.PlanWithFilesAsync(Id, Aborted);
            var review = await Approval.ReviewAsync(Id, Aborted);
            (view, files) = (RecordViews.View(plan, planned, Records.OrganId, review), planned);
            reviewing = plan.State == FilePlanState.Submitted && review.ReviewFor(Reader) is not null;
            editing = plan.State == FilePlanState.Draft && Reader.MayPlan();
        }
        catch (Engine.RefusedException refused)
        {
            errors ??= new FormErrors(headingContext, HttpContext);
            await errors.TryAsync(() => Task.FromException(refused));
            return;
        }

        if (editing)
        {
            schedule = await Records.RetentionAsync(Aborted);
            keepers = [.. (await People.ChoicesAsync(null, Aborted))];
        }
    }

    /// <summary>"Sửa" links carry the heading or file to edit; the form opens with its values.</summary>
    private void FillFromQuery()
    {
        if (view?.Headings.FirstOrDefault(h => h.Id == EditedHeading) is { } heading)
            HeadingInput = new HeadingForm { Id = heading.Id.ToString(), Title = heading.Title, Abbreviation = heading.Abbreviation };
        if (files.FirstOrDefault(f => f.Id == EditedFile) is { } file)
            FileInput = PlannedFileForm.Of(file, keepers);
        else if (view is { Headings: [var first, ..] })
            FileInput!.HeadingId ??= first.Id.ToString();
        headingContext = new EditContext(HeadingInput!);
        fileContext = new EditContext(FileInput!);
    }

    private Task SaveHeadingAsync() => ActAsync(headingContext, HeadingInput!.Edited is null ? "Đã thêm đề mục." : "Đã sửa đề mục.", () =>
        HeadingInput.Edited is { } heading
            ? Records.RenameHeadingAsync(Id, heading, HeadingInput.Title, HeadingInput.Abbreviation, ReadRevision, Reader, Aborted)
            : Records.AddHeadingAsync(Id, HeadingInput.Title ?? "", HeadingInput.Abbreviation ?? "", ReadRevision, Reader, Aborted));

    private Task SaveFileAsync() => ActAsync(fileContext, FileInput!.Edited is null ? "Đã thêm hồ sơ vào danh mục." : "Đã sửa hồ sơ.", () =>
    {
        var input = FileInput.Input(schedule, keepers);
        return FileInput.Edited is { } file
            ? Records.ReplanFileAsync(Id, file, input, ReadRevision, Reader, Aborted)
            : Records.PlanFileAsync(Id, input, ReadRevision, Reader, Aborted);
    });

    private Task MoveAsync() => ActAsync(headingContext, "Đã chuyển đề mục.", () =>
    {
        var form = HttpContext.Request.Form;
        var (value, by) = form.ContainsKey("up") ? (form["up"].ToString(), -1) : (form["down"].ToString(), 1);
        var heading = Guid.TryParse(value, out var id) ? view?.Headings.FirstOrDefault(h => h.Id == id) : null;
        return Records.MoveHeadingAsync(Id, id, (heading?.Ordinal ?? 0) + by, ReadRevision, Reader, Aborted);
    });

    private Task RemoveHeadingAsync() => ActAsync(headingContext, "Đã xoá đề mục.", () =>
        Records.RemoveHeadingAsync(Id, FormGuid("heading"), ReadRevision, Reader, Aborted));

    private Task RemoveFileAsync() => ActAsync(fileContext, "Đã xoá hồ sơ khỏi danh mục.", () =>
        Records.UnplanFileAsync(Id, FormGuid("file"), ReadRevision, Reader, Aborted));

    private Task SubmitAsync() => ActAsync(headingContext, "Đã trình danh mục hồ sơ.", () => Approval.SubmitAsync(Id, ReadRevision, Reader, Aborted));

    private Task ApproveAsync() => ActAsync(headingContext, "Đã phê duyệt.", () =>
        Approval.DecideAsync(Id, approve: true, null, HttpContext.Request.Form["decision"], ReadRevision, Reader, Aborted));

    private Task ReturnAsync() => ActAsync(headingContext, "Đã trả lại Văn phòng.", () =>
        Approval.DecideAsync(Id, approve: false, HttpContext.Request.Form["reason"], null, ReadRevision, Reader, Aborted));

    /// <summary>A form is rendered when the page offers it, and for the post that names it (its answer may now be a refusal).</summary>
    private bool Shown(string form, bool offered) =>
        offered || (HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.Form["_handler"] == form);

    /// <summary>
    /// The plan's revision the posted form was rendered with (its hidden field <c>revision</c>): the action applies to the
    /// plan its sender saw or is refused. A post without it (no page renders one) is taken as made on the plan as it is.
    /// </summary>
    private int? ReadRevision => int.TryParse(HttpContext.Request.Form["revision"], out var revision) ? revision : null;

    private Guid FormGuid(string field) => Guid.TryParse(HttpContext.Request.Form[field], out var id) ? id : Guid.Empty;

    private async Task ActAsync(EditContext context, string done, Func<Task> action)
    {
        errors = new FormErrors(context, HttpContext);
        if (await errors.TryAsync(async () =>
            {
                try
                {
                    await action();
                }
                catch (Engine.RefusedException refused) when (refused.Kind == Engine.RefusalKind.Forbidden)
                {
                    HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
                    throw;
                }
            }))
            Done($"/records/plans/{Id}", done);
        else
            await LoadAsync();
    }
}
