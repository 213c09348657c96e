using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Timers;
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
    [Inject] private OutgoingSteps Steps { get; set; } = default!;
    [Inject] private TaskStanding Standing { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private ProvincialTaskView? task;
    private Guid? replyOutgoingId;
    private List<DocumentType> types = [];
    private List<OutgoingDocument> letters = [];
    private string? problem;

    private bool IsHandler => task?.Handler is { } handler && handler == User.Identity?.Name;

    /// <summary>A reply is started once; after the province rejects one the handler starts over (Article 12.1c).</summary>
    private bool MayReply => IsHandler && task!.Stage == TaskStage.InProgress && task.DocumentClosed is false
        && (replyOutgoingId is null || task.Status == ProvincialTaskStatus.Rejected);

    private bool MayExtend => IsHandler && task!.Stage == TaskStage.InProgress && task.Extension != ExtensionState.Requested;

    protected override async Task OnInitializedAsync()
    {
        if (!SignedIn)
            return;
        var entity = await Db.Set<ProvincialTask>().AsNoTracking().Include(t => t.Document)
            .FirstOrDefaultAsync(t => t.Id == Id, HttpContext.RequestAborted);
        if (entity is null)
            return;
        task = entity.View(Standing, Time.GetUtcNow());
        replyOutgoingId = entity.ReplyOutgoingId;
        if (!IsHandler)
            return;
        var me = User.Identity!.Name;
        types = await Db.Set<DocumentType>().OrderBy(t => t.SortOrder).ToListAsync(HttpContext.RequestAborted);
        letters = await Db.Set<OutgoingDocument>()
            .Where(d => d.Drafter == me && d.NationalId != null && d.Id != entity.ReplyOutgoingId)
            .OrderByDescending(d => d.IssuedAt).Take(50).ToListAsync(HttpContext.RequestAborted);
    }

    /// <summary>
    /// Creates the outgoing draft answering the carrying incoming document and links it as the task's reply; the
    /// rules are checked first so that a refused reply leaves no orphan draft behind.
    /// </summary>
    private async Task ReplyAsync()
    {
        var form = HttpContext.Request.Form;
        var entity = await Db.Set<ProvincialTask>().AsNoTracking().Include(t => t.Document)
            .FirstAsync(t => t.Id == Id, HttpContext.RequestAborted);
        if (await Flow.CarrierAsync(entity.Document!, HttpContext.RequestAborted) is not { } carrier)
        {
            problem = "Văn bản giao nhiệm vụ chưa được vào sổ văn bản đến, nên chưa thể khởi tạo văn bản trả lời.";
            return;
        }
        var agencies = form["agencies"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            var outgoing = await Steps.CreateAsync(new NewDraft(form["type"].ToString(), form["subject"].ToString(), InReplyTo: carrier,
                Recipients: [.. agencies.Select(a => new RecipientChoice(RecipientKind.Agency, a))]), User, HttpContext.RequestAborted);
            await Flow.StartReplyAsync(Id, outgoing, Actor, HttpContext.RequestAborted);
            Done($"/provincial-tasks/{Id}", "Đã khởi tạo văn bản trả lời và liên kết với nhiệm vụ; hãy mở văn bản để tải lên dự thảo rồi trình.");
        }
        catch (Documents.DocumentRefusedException refused)
        {
            problem = refused.DetailVi;
        }
        catch (TaskRuleException rule)
        {
            problem = rule.MessageVi;
        }
    }

    private async Task ExtendAsync()
    {
        var form = HttpContext.Request.Form;
        if (!DateOnly.TryParse(form["requested"], System.Globalization.CultureInfo.InvariantCulture, out var requested))
        {
            problem = "Cần chọn thời hạn đề nghị gia hạn.";
            return;
        }
        // The requested day is the last day allowed: the deadline is the end of its working day (17:00), Vietnam time.
        var deadline = VietnamTime.At(requested.Year, requested.Month, requested.Day, 17, 0);
        await StepAsync(() => Flow.RequestExtensionAsync(Id, form["letter"].ToString(), deadline, Actor, HttpContext.RequestAborted),
            "Đã gửi đề nghị gia hạn; chờ UBND tỉnh quyết định.");
    }
}
