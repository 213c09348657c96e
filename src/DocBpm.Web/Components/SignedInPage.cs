using System.Security.Claims;
using DocBpm.Documents.Access;
using DocBpm.Engine.Runtime;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Components;

namespace DocBpm.Web.Components;

/// <summary>
/// A page for signed-in people (the pages are anonymous endpoints so that a visitor is sent to the login page rather
/// than refused); it offers the person's reading rights and engine identity.
/// </summary>
public abstract class SignedInPage : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected ClaimsPrincipal User => HttpContext.User;

    protected Reader Reader => User.ToReader();

    protected TaskActor Actor => User.ToTaskActor();

    protected bool SignedIn => User.Identity?.IsAuthenticated == true;

    protected override void OnInitialized()
    {
        if (!SignedIn)
            Navigation.NavigateTo($"/login?returnUrl={Uri.EscapeDataString(HttpContext.Request.Path + HttpContext.Request.QueryString)}");
    }

    /// <summary>After a successful action: back to the page with a message (post, redirect, get).</summary>
    protected void Done(string path, string message) => Navigation.NavigateTo($"{path}?ok={Uri.EscapeDataString(message)}");
}
