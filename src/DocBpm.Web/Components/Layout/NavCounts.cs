using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using DocBpm.Web.Inbox;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Components.Layout;

/// <summary>The numbers beside the inbox's trays in the left navigation.</summary>
public sealed record NavCounts(int Waiting, int InProgress, int Done)
{
    public int Of(InboxView view) => view switch
    {
        InboxView.Waiting => Waiting,
        InboxView.InProgress => InProgress,
        InboxView.Done => Done,
        _ => Waiting + InProgress,
    };
}

/// <summary>
/// Counts the trays, one query each over the bookmarks' (kind, status, assignee) index and the candidate columns the
/// inbox itself reads.
/// </summary>
public sealed class NavCounter(EngineDb engine)
{
    public async Task<NavCounts> CountAsync(Engine.Runtime.TaskActor actor, CancellationToken cancellationToken)
    {
        var bookmarks = engine.Bookmarks.AsNoTracking();
        return new NavCounts(
            await InboxView.Waiting.Of(bookmarks, actor).CountAsync(cancellationToken),
            await InboxView.InProgress.Of(bookmarks, actor).CountAsync(cancellationToken),
            await InboxView.Done.Of(bookmarks, actor).CountAsync(cancellationToken));
    }
}

public static class NavCountsExtensions
{
    /// <summary>
    /// Counts before a page renders, on the request's DbContext while nothing else uses it: the layout renders beside the
    /// page, and a query of its own would overlap the page's (see <c>PageDataTests</c>). API calls count nothing.
    /// </summary>
    public static WebApplication UseNavCounts(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                context.Items[typeof(NavCounts)] = await context.RequestServices.GetRequiredService<NavCounter>()
                    .CountAsync(context.User.ToTaskActor(), context.RequestAborted);
            }
            await next(context);
        });
        return app;
    }

    public static NavCounts? NavCounts(this HttpContext context) => context.Items[typeof(NavCounts)] as NavCounts;
}
