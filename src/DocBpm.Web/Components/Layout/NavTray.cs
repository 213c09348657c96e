namespace DocBpm.Web.Components.Layout;

/// <summary>
/// One tray of the inbox as the left navigation shows it: its link, its name and how many rows it holds. The inbox feature
/// counts them before the page renders (the layout depends on no feature); none are shown when nothing was counted.
/// </summary>
public sealed record NavTray(string Slug, string Name, int Count, bool Unread)
{
    /// <summary>The most a tray's number says: beyond it "999+", so that a count stops there instead of reading years of work.</summary>
    public const int MostShown = 999;

    public string CountText => Count > MostShown ? $"{MostShown}+" : Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A notice every page shows above its content, e.g. that the signing keys are a demo; features register them.</summary>
public sealed record SiteNotice(string Text, string CssClass);

public static class NavTrayItems
{
    private static readonly object Key = new();

    public static void SetNavTrays(this HttpContext context, IReadOnlyList<NavTray> trays) => context.Items[Key] = trays;

    public static IReadOnlyList<NavTray>? NavTrays(this HttpContext context) => context.Items[Key] as IReadOnlyList<NavTray>;

    private static readonly object UnreadKey = new();

    /// <summary>The bell's count, set by the notifications feature before the page renders; no bell without it.</summary>
    public static void SetUnreadNotifications(this HttpContext context, int unread) => context.Items[UnreadKey] = unread;

    public static int? UnreadNotifications(this HttpContext context) => context.Items[UnreadKey] as int?;
}
