using DocBpm.Engine;

namespace DocBpm.Web.Components;

/// <summary>
/// A refusal a page shows in its form is logged as the API's are (Information, with the English reason), so that an
/// auditor finds a refused action in the log whichever way it was sent. The page itself answers with the message.
/// </summary>
public static partial class PageRefusals
{
    /// <summary>The log category of page refusals.</summary>
    public const string Category = "DocBpm.Web.Components.PageRefusals";

    /// <summary>Logs <paramref name="refused"/> for the request and returns what the page shows.</summary>
    public static string Shown(HttpContext http, RefusedException refused)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        LogRefused(logger, http.Request.Method, http.Request.Path, refused.Kind, http.User.Identity?.Name, refused.Message);
        return refused.DetailVi;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} form refused ({Kind}) for {User}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, RefusalKind kind, string? user, string reason);
}
