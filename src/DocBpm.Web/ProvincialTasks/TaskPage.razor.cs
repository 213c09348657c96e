using DocBpm.Documents.Access;
using DocBpm.Documents.Coordination;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Timers;
using DocBpm.Web.AccessLog;
using DocBpm.Web.Components;
using DocBpm.Web.Coordination;
using DocBpm.Web.Organisation;
using DocBpm.Web.Outgoing;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>
/// One task line for the people acting on it: the main handler starts the reply from "Văn bản trả lời" (a linked
/// outgoing draft, Article 12.1b) and asks for an extension with an issued letter (Article 12.3).
/// </summary>
public sealed partial class TaskPage
{
    [Parameter] public Guid Id { get; set; }

    [SupplyParameterFromQuery] private string? Ok { get; set; }

    [Inject] private DbContext Db { get; set; } = default!;
    [Inject] private ProvincialTaskFlow Flow { get; set; } = default!;
    [Inject] private OutgoingFlow Steps { get; set; } = default!;
    [Inject] private TaskStanding Standing { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private CoordinationOpinions Opinions { get; set; } = default!;
    [Inject] private PeopleNames Names { get; set; } = default!;

    private ProvincialTaskView? task;
    private Guid? replyOutgoingId;
    private List<DocumentType> types = [];
    private List<AgencyEntry> agencies = [];

    /// <summary>The agency that sent the task document (the provincial People's Committee office): the reply's preselected recipient.</summary>
    private string? sender;

    private List<OutgoingDocument> letters = [];
    private string? problem;
    private CoordinationPanel coordination = CoordinationPanel.Empty;

    private bool IsHandler => task?.Handler is { } handler && handler == User.Identity?.Name;

    /// <summary>A reply is started once; after the province rejects one the handler starts over (Article 12.1c).</summary>
    private bool MayReply => IsHandler && task!.Stage == TaskStage.InProgress && task.DocumentClosed is false && replyOutgoingId is null;

    private bool MayExtend => IsHandler && task!.Stage == TaskStage.InProgress && task.DocumentClosed is false
        && task.Extension != ExtensionState.Requested;

    protected override async Task OnInitializedAsync()
    {
        if (!SignedIn)
            return;
        var cancellationToken = HttpContext.RequestAborted;
        await Names.LoadAsync(cancellationToken);
        var entity = await Db.Set<ProvincialTask>().AsNoTracking().Include(t => t.Document).VisibleTo(Reader)
            .FirstOrDefaultAsync(t => t.Id == Id, cancellationToken);
        if (entity is null)
            return;
        task = entity.View(Standing, Time.GetUtcNow());
        HttpContext.RecordRead(AccessedKind.ProvincialTask, Id);
        replyOutgoingId = entity.ReplyOutgoingId;
        await LoadDocumentAsync(entity.DocumentId, cancellationToken);
        await LoadChoicesAsync(cancellationToken);
        coordination = await CoordinationPanel.LoadAsync(Opinions, ProvincialCoordination.Place(Id), o => ProvincialCoordinationEndpoints.FileUrl(Id, o),
            Actor, cancellationToken);
        if (!IsHandler)
            return;
        var me = User.Identity!.Name;
        types = await Db.Set<DocumentType>().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        agencies = await Db.Set<AgencyEntry>().AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Code).ToListAsync(cancellationToken);
        sender = await Db.Set<ReceivedDocument>().AsNoTracking().Where(r => r.Id == entity.Document!.ReceivedDocumentId)
            .Select(r => r.SenderCode).FirstOrDefaultAsync(cancellationToken);
        // An extension-request letter goes on its own flow: the task's replies (answering the task document) are not letters.
        var carrier = document!.IncomingDocumentId;
        letters = await Db.Set<OutgoingDocument>()
            .Where(d => d.Drafter == me && d.NationalId != null && d.Id != entity.ReplyOutgoingId && (carrier == null || d.InReplyToId != carrier))
            .OrderByDescending(d => d.IssuedAt).Take(50).ToListAsync(cancellationToken);
    }

    /// <summary>One step: the draft replying to the task document, linked to the task; then on to the draft to upload its file.</summary>
    private async Task ReplyAsync()
    {
        var form = HttpContext.Request.Form;
        var request = new ReplyDraftRequest(form["type"].ToString(), form["subject"].ToString(),
            [.. form["agencies"].Select(a => new RecipientChoice(RecipientKind.Agency, a ?? ""))]);
        await StepAsync(async () => $"/outgoing/{await Flow.StartReplyDraftAsync(Steps, Id, request, User, HttpContext.RequestAborted)}",
            "Đã khởi tạo văn bản trả lời và liên kết với nhiệm vụ; hãy tải lên tệp dự thảo rồi trình.");
    }

    private async Task ExtendAsync()
    {
        var form = HttpContext.Request.Form;
        if (!Vn.TryParseDate(form["requested"], out var day))
        {
            problem = Vn.DateError("Thời hạn đề nghị gia hạn");
            return;
        }
        await StepAsync(() => Flow.RequestExtensionAsync(Id, form["letter"].ToString(), EndOfWorkingDay(day), Actor, HttpContext.RequestAborted),
            "Đã gửi đề nghị gia hạn; chờ UBND tỉnh quyết định.");
    }

    /// <summary>A deadline picked as a day is the end of its working day (17:00), Vietnam time.</summary>
    public static DateTimeOffset EndOfWorkingDay(DateOnly day) => VietnamTime.At(day, new TimeOnly(17, 0));
}
