using DocBpm.Documents.Coordination;
using DocBpm.Engine;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace DocBpm.Web.Coordination;

/// <summary>
/// Placed on a record's page with one line; the page decides who may see the record, the item who may give an opinion.
/// The page loads what it shows (CoordinationPanel.LoadAsync): components do not query while they render.
/// </summary>
public sealed partial class OpinionsSection
{
    [Parameter, EditorRequired] public CoordinationPlace Place { get; set; } = default!;

    [Parameter, EditorRequired] public CoordinationPanel Panel { get; set; } = CoordinationPanel.Empty;

    /// <summary>The page to come back to after an opinion was given.</summary>
    [Parameter, EditorRequired] public string ReturnPath { get; set; } = default!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Inject] private CoordinationOpinions Opinions { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private string? problem;

    private async Task GiveAsync()
    {
        var form = HttpContext.Request.Form;
        try
        {
            var file = await CoordinationViews.ReadAsync(form.Files["opinionFile"], HttpContext.RequestAborted);
            await Opinions.GiveAsync(Place, form["opinion"], file, HttpContext.User.ToTaskActor(), HttpContext.RequestAborted);
            Navigation.NavigateTo($"{ReturnPath}?ok={Uri.EscapeDataString("Đã gửi ý kiến phối hợp.")}");
        }
        catch (RefusedException refused)
        {
            problem = Components.PageRefusals.Shown(HttpContext, refused);
        }
    }
}
