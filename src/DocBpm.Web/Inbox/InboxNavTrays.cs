using DocBpm.Engine.Persistence;
using DocBpm.Web.Accounts;
using DocBpm.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Inbox;

/// <summary>
/// Counts the trays for the left navigation, one query each reading the rows the tray's pages read, in their order, so a
/// tray's number is the number of rows it lists; each stops past <see cref="NavTray.MostShown"/> ("999+"), so a count
/// costs at most a thousand index entries however much history a person has.
/// </summary>
public sealed class InboxNavTrays(EngineDb engine)
{
    private static readonly InboxView[] Trays = [InboxView.Waiting, InboxView.InProgress, InboxView.Done];

    public Task<IReadOnlyList<NavTray>> CountAsync(Engine.Runtime.TaskActor actor, CancellationToken cancellationToken) =>
        PlannedPerCall.ReadAsync(engine, async ct =>
        {
            var trays = new List<NavTray>();
            foreach (var tray in Trays)
            {
                var count = await tray.First(engine, actor, null, NavTray.MostShown + 1).CountAsync(ct);
                // "Unread": offered and not yet taken; nothing records reading.
                trays.Add(new NavTray(tray.Slug(), tray.Vietnamese(), count, tray == InboxView.Waiting && count > 0));
            }

            return (IReadOnlyList<NavTray>)trays;
        }, cancellationToken);
}

public static class InboxNavTraysExtensions
{
    /// <summary>
    /// Counts before a page renders, on the request's DbContext while nothing else uses it: the layout renders beside the
    /// page, and a query of its own would overlap the page's (see <c>PageDataTests</c>). API calls count nothing.
    /// </summary>
    public static WebApplication UseInboxNavTrays(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                context.SetNavTrays(await context.RequestServices.GetRequiredService<InboxNavTrays>()
                    .CountAsync(context.User.ToTaskActor(), context.RequestAborted));
            }
            await next(context);
        });
        return app;
    }
}
