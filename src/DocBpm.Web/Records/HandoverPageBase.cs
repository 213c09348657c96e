using DocBpm.Documents.Records;
using DocBpm.Web.Components;
using DocBpm.Web.Organisation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DocBpm.Web.Records;

/// <summary>
/// The handover pages (keeper, archivist, Director): each loads its lists, posts back one action at a time, and shows a
/// refusal — a lost race among them — in Vietnamese above the form (the shared summary) and beside its field, with the
/// lists as they now stand.
/// </summary>
public abstract class HandoverPageBase : SignedInPage
{
    [Inject] protected Handovers Handovers { get; set; } = default!;

    [Inject] protected PeopleNames Names { get; set; } = default!;

    protected EditContext Context { get; private set; } = default!;

    protected FormErrors? Errors { get; private set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The page's own address, where a successful action returns with its message.</summary>
    protected abstract string Path { get; }

    /// <summary>What the page's fields are bound to; the refusals' field messages are kept against it.</summary>
    protected virtual HandoverForm Model { get; } = new();

    protected abstract Task LoadAsync();

    protected override async Task OnParametersSetAsync()
    {
        Context = new EditContext(Model);
        Errors = new FormErrors(Context, HttpContext);
        if (!SignedIn)
            return;
        await Names.LoadAsync(Aborted);
        await LoadAsync();
    }

    /// <summary>The messages of one field of the last refusal.</summary>
    protected IEnumerable<string> MessagesOf(string field) => Context.GetValidationMessages(Context.Field(field));

    protected async Task ActAsync(string done, Func<Task> action)
    {
        if (await Errors!.TryAsync(action))
            Done(Path, done);
        else
            await LoadAsync();
    }
}
