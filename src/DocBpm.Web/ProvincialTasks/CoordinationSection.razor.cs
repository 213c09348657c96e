using DocBpm.Documents.Organisation;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine;
using DocBpm.Web.Accounts;
using DocBpm.Web.Coordination;
using Microsoft.AspNetCore.Components;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>
/// Placed on the task page with one line; the page loads the opinions it shows (CoordinationPanel.LoadAsync).
/// </summary>
public sealed partial class CoordinationSection
{
    [Parameter, EditorRequired] public ProvincialTaskView Task { get; set; } = default!;

    [Parameter, EditorRequired] public CoordinationPanel Panel { get; set; } = CoordinationPanel.Empty;

    /// <summary>The units the Director may pick from (loaded by the page for the leaders only).</summary>
    [Parameter] public IReadOnlyList<Unit> Units { get; set; } = [];

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Inject] private ProvincialCoordination Coordinators { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string? problem;

    /// <summary>The Director or a deputy, while the task is assigned and not yet approved.</summary>
    private bool MayChange => (HttpContext.User.IsInRole(Roles.Director) || HttpContext.User.IsInRole(Roles.Deputy))
        && Task.Stage is TaskStage.Assigned or TaskStage.InProgress or TaskStage.CompletionProposed && !Task.DocumentClosed;

    private async Task ChangeAsync()
    {
        string[] units = [.. HttpContext.Request.Form["newCoordinators"].OfType<string>().Select(u => u.Trim())];
        try
        {
            await Coordinators.ChangeCoordinatorsAsync(Task.Id, units, HttpContext.User.ToTaskActor(), HttpContext.RequestAborted);
            Navigation.NavigateTo($"/provincial-tasks/{Task.Id}?ok={Uri.EscapeDataString("Đã điều chỉnh đơn vị phối hợp.")}");
        }
        catch (RefusedException refused)
        {
            problem = Components.PageRefusals.Shown(HttpContext, refused);
        }
    }
}
