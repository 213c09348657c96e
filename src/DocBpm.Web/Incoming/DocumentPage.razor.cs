using DocBpm.Documents.Calendar;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Components;
using DocBpm.Web.Coordination;
using DocBpm.Web.Organisation;
using DocBpm.Web.ProvincialTasks;
using DocBpm.Web.Signatures;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DocBpm.Web.Incoming;

/// <summary>
/// The document page: metadata, signature check, files with a preview, assignment tree, history, and the forms of
/// the actions the person may take now. Each form posts back here; a refusal shows beside its fields.
/// </summary>
public partial class DocumentPage
{
    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery] private string? Ok { get; set; }

    // The editors name their inputs after their Model parameter.
    [SupplyParameterFromForm(FormName = "register", Name = "Model")] private FieldsForm? RegisterInput { get; set; }

    [SupplyParameterFromForm(FormName = "return")] private TextForm? ReturnInput { get; set; }

    [SupplyParameterFromForm(FormName = "assign", Name = "Model")] private AssignForm? AssignInput { get; set; }

    [SupplyParameterFromForm(FormName = "forward")] private ForwardForm? ForwardInput { get; set; }

    [SupplyParameterFromForm(FormName = "reassign", Name = "Model")] private AssignForm? ReassignInput { get; set; }

    [SupplyParameterFromForm(FormName = "complete")] private TextForm? CompleteInput { get; set; }

    private IncomingDetail? detail;
    private IReadOnlyList<ProvincialTask> carried = [];
    private SignedFileView signedFile = SignedFileView.None;
    private CoordinationPanel coordination = CoordinationPanel.Empty;
    private Guid? instanceId;
    private IReadOnlyList<HandlerChoice> choices = [];
    private IReadOnlyList<HandlerChoice> scoped = [];
    private IReadOnlyList<DeadlinePreset> presets = [];
    private IReadOnlyList<Documents.Organisation.Person> deputies = [];
    private EditContext registerContext = default!, returnContext = default!, assignContext = default!, reassignContext = default!,
        completeContext = default!, forwardContext = default!;
    private FormErrors? registerErrors, returnErrors, assignErrors, reassignErrors, completeErrors, forwardErrors;

    private CancellationToken Aborted => HttpContext.RequestAborted;

    protected override async Task OnParametersSetAsync()
    {
        if (!SignedIn)
            return;
        await Names.LoadAsync(Aborted);
        await LoadAsync();
        if (detail is null)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        HttpContext.RecordRead(AccessedKind.Incoming, Id);

        RegisterInput ??= FieldsForm.From(new IncomingFields(detail.Summary.IssuingAgency, detail.Summary.CodeNumber, detail.Summary.CodeNotation,
            detail.Summary.DocumentDate, detail.Summary.DocumentType, detail.Summary.Subject, detail.Signer, detail.Summary.Urgency,
            detail.PageCount, detail.Copies, detail.Notes));
        ReturnInput ??= new();
        AssignInput ??= new();
        ReassignInput ??= new();
        CompleteInput ??= new();
        ForwardInput ??= new();
        (registerContext, registerErrors) = Form(RegisterInput);
        (returnContext, returnErrors) = Form(ReturnInput);
        (assignContext, assignErrors) = Form(AssignInput);
        (reassignContext, reassignErrors) = Form(ReassignInput);
        (completeContext, completeErrors) = Form(CompleteInput);
        (forwardContext, forwardErrors) = Form(ForwardInput);
        // From here the page may render at any await (a query can finish synchronously): its forms need their contexts first.
        carried = await CarriedTasks.LoadAsync(Db, Id, Aborted);
        if (MainPdf is { } main)
            signedFile = await SignedRevisionFile.ListAsync(main.Id, Files, SignedRevisions, Aborted);
        coordination = await CoordinationPanel.LoadAsync(Opinions, IncomingCoordination.Place(Id),
            o => IncomingCoordinationEndpoints.FileUrl(Id, o), Actor, Aborted);
        instanceId = await DocBpm.Web.Monitor.InstanceLink.FindAsync(Authorization, Db, User, IncomingProcess.DefinitionKey, detail.ProcessKey, Aborted);
        if (detail.Actions.Forward)
            deputies = await People.DeputiesAsync(Aborted);
        if (detail.Actions.Assign || detail.Actions.Reassign)
        {
            presets = DeadlinePresets.From(Calendar.Current, Time.GetUtcNow());
            choices = await People.ChoicesAsync(User.Identity?.Name, Aborted);
            var access = Reader;
            scoped = [.. choices.Where(c => access.IsDeputy || (c.Value.StartsWith("person:", StringComparison.Ordinal) && c.UnitCode == access.UnitCode))];
        }
    }

    /// <summary>Only a document being handled can be due soon or late.</summary>
    private DeadlineState DeadlineStanding => detail?.Summary is { Status: IncomingStatus.Assigned } s
        ? Deadlines.Of(s.Deadline, Time.GetUtcNow())
        : DeadlineState.None;

    /// <summary>The first PDF: the main document, whose signatures decide the legal status (VerifySignature).</summary>
    private FileView? MainPdf => detail?.Files.FirstOrDefault(f => f.ContentType == "application/pdf");

    /// <summary>The file the page previews: the main PDF, else the first file, which the preview says it cannot show.</summary>
    private FileView? PreviewFile => MainPdf ?? (detail?.Files is [var first, ..] ? first : null);

    /// <summary>A leader assigning or reassigning reads the document beside the form rather than scrolling back to it.</summary>
    private bool PreviewBesideForms => PreviewFile is not null && (detail!.Actions.Assign || detail.Actions.Reassign);

    private async Task LoadAsync() => detail = await Queries.DetailAsync(Id, Reader, Actor, Aborted);

    private (EditContext, FormErrors) Form(object model)
    {
        var context = new EditContext(model);
        return (context, new FormErrors(context, HttpContext));
    }

    private async Task RegisterAsync()
    {
        if (await registerErrors!.TryAsync(() => Registry.RegisterAsync(Id, RegisterInput!.ToFields(), Actor, Aborted)))
            Done($"/incoming/{Id}", "Đã vào sổ văn bản đến và chuyển Giám đốc chỉ đạo.");
    }

    private async Task ReturnAsync()
    {
        if (await returnErrors!.TryAsync(() => Registry.ReturnAsync(Id, ReturnInput!.Text, Actor, Aborted)))
            Done($"/incoming/{Id}", "Đã trả lại văn bản cho nơi gửi.");
        else
            Rename(returnContext, "Reason", nameof(TextForm.Text));
    }

    private async Task ForwardAsync()
    {
        if (await forwardErrors!.TryAsync(() => Handling.ForwardAsync(Id, new ForwardOrder(ForwardInput!.Deputy, ForwardInput.Note), Actor, Aborted)))
            Done($"/incoming/{Id}", "Đã chuyển Phó Giám đốc chỉ đạo.");
    }

    private async Task AssignAsync()
    {
        if (await assignErrors!.TryAsync(() => Handling.AssignAsync(Id, AssignInput!.ToOrder(), Actor, Aborted)))
            Done($"/incoming/{Id}", "Đã phân công xử lý.");
    }

    private async Task ReassignAsync()
    {
        var access = Reader;
        if (await reassignErrors!.TryAsync(() => Handling.ReassignAsync(Id, ReassignInput!.ToOrder(),
                new Reassigner(Actor, access.UnitCode, access.IsDeputy, access.IsUnitHead), Aborted)))
            Done($"/incoming/{Id}", "Đã giao lại.");
    }

    private async Task CompleteAsync()
    {
        if (await completeErrors!.TryAsync(() => Handling.CompleteAsync(Id, new CompletionReport(CompleteInput!.Text, null), Actor, Aborted)))
            Done($"/incoming/{Id}", "Đã hoàn thành xử lý văn bản.");
        else
            Rename(completeContext, "Result", nameof(TextForm.Text));
    }

    private async Task ConfirmRecallAsync()
    {
        await Registry.ConfirmRecallAsync(Id, Actor, Aborted);
        Done($"/incoming/{Id}", "Đã hủy văn bản bị thu hồi và thông báo nơi gửi.");
    }

    private async Task PaperDeliveredAsync()
    {
        await Registry.MarkPaperDeliveredAsync(Id, User.Identity!.Name!, Aborted);
        Done($"/incoming/{Id}", "Đã ghi nhận chuyển bản giấy.");
    }

    /// <summary>Whether there is a paper original and whether it has reached the main handler, as the handler and the clerk read it.</summary>
    private string PaperOriginalText(PaperOriginalView paper) => paper switch
    {
        { Exists: false } => "Không có (văn bản điện tử)",
        { DeliveredAt: { } at } => $"Văn thư {Names.Of(paper.DeliveredBy)} đã chuyển bản giấy cho người xử lý chính lúc {Vn.DateTime(at)}",
        { SentBySender: true } => "Nơi gửi gửi kèm bản giấy (Điều 5.5); chưa chuyển cho người xử lý chính",
        _ => "Bản giấy do văn thư số hóa; chưa chuyển cho người xử lý chính",
    };

    /// <summary>The domain names the free-text field after its meaning; these small forms call it Text.</summary>
    private static void Rename(EditContext context, string domainField, string formField)
    {
        var messages = context.GetValidationMessages(context.Field(domainField)).ToList();
        if (messages.Count == 0)
            return;
        var store = new ValidationMessageStore(context);
        store.Add(context.Field(formField), messages);
        context.NotifyValidationStateChanged();
    }
}
