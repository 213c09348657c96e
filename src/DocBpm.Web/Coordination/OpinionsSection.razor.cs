using DocBpm.Documents.Coordination;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace DocBpm.Web.Coordination;

/// <summary>
/// Placed on a record's page with one line; the page decides who may see the record, the item who may give an opinion.
/// It works in its own service scope: the page may still be querying the request's DbContext while the section renders.
/// </summary>
public sealed partial class OpinionsSection
{
    [Parameter, EditorRequired] public CoordinationPlace Place { get; set; } = default!;

    /// <summary>Where the page's feature serves an opinion's file, from the opinion's id.</summary>
    [Parameter, EditorRequired] public Func<Guid, string> FileUrl { get; set; } = default!;

    /// <summary>The page to come back to after an opinion was given.</summary>
    [Parameter, EditorRequired] public string ReturnPath { get; set; } = default!;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private CoordinationView? view;
    private bool mayGive;
    private string? problem;

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext.User.Identity?.IsAuthenticated != true)
            return;
        await using var scope = Scopes.CreateAsyncScope();
        var opinions = scope.ServiceProvider.GetRequiredService<CoordinationOpinions>();
        view = await opinions.ViewAsync(Place, FileUrl, HttpContext.RequestAborted);
        mayGive = await opinions.OpenItemAsync(Place, HttpContext.User.ToTaskActor(), HttpContext.RequestAborted) is not null;
    }

    private async Task GiveAsync()
    {
        var form = HttpContext.Request.Form;
        await using var scope = Scopes.CreateAsyncScope();
        try
        {
            var file = await CoordinationViews.ReadAsync(form.Files["opinionFile"], HttpContext.RequestAborted);
            await scope.ServiceProvider.GetRequiredService<CoordinationOpinions>()
                .GiveAsync(Place, form["opinion"], file, HttpContext.User.ToTaskActor(), HttpContext.RequestAborted);
            Navigation.NavigateTo($"{ReturnPath}?ok={Uri.EscapeDataString("Đã gửi ý kiến phối hợp.")}");
        }
        catch (Exception refused) when (EngineExceptionHandler.Describe(refused) is { Detail: { } detail })
        {
            problem = detail;
        }
    }
}
