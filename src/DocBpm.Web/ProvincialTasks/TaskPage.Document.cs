using DocBpm.Documents.ProvincialTasks;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>The task document around the line: its state and lines, closing it and taking it back (Article 12.1b).</summary>
public sealed partial class TaskPage
{
    private const string NotAllowedToClose = "Chỉ văn thư hoặc người xử lý chính của một nhiệm vụ trong văn bản được kết thúc hoặc lấy lại văn bản.";

    private TaskDocumentView? document;
    private bool mayClose;

    private async Task LoadDocumentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var entity = await Db.Set<TaskDocument>().AsNoTracking().Include(d => d.Tasks).FirstAsync(d => d.Id == documentId, cancellationToken);
        document = entity.View(Standing, Time.GetUtcNow(), await Flow.CarrierAsync(entity, cancellationToken));
        mayClose = await ProvincialTaskEndpoints.MayCloseAsync(documentId, Db, User, cancellationToken);
    }

    private Task CloseAsync() => DocumentStepAsync(
        (id, ct) => Flow.CloseDocumentAsync(id, User.Identity!.Name!, ct), "Đã kết thúc văn bản giao nhiệm vụ.");

    private Task TakeBackAsync() => DocumentStepAsync(Flow.TakeBackAsync,
        "Đã lấy lại văn bản giao nhiệm vụ; các nhiệm vụ được xử lý tiếp đúng quy trình.");

    private async Task DocumentStepAsync(Func<Guid, CancellationToken, Task> step, string done)
    {
        if (!mayClose)
        {
            problem = NotAllowedToClose;
            return;
        }
        await StepAsync(() => step(task!.DocumentId, HttpContext.RequestAborted), done);
    }
}
