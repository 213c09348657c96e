using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;

namespace DocBpm.Web.Hosting;

/// <summary>
/// The static files are the designer and monitor that Vite builds: a 1 MB bpmn-js bundle that compresses to a fifth, and
/// whose file names carry a hash of their content (<c>/designer/assets/designer-3f9a1c.js</c>). A changed file gets a
/// new name, so browsers may keep these for a year without asking again; the HTML that names them is revalidated on
/// every load. Only these files are compressed: they hold no secret, while a page that echoes input next to a token
/// would make a compressed HTTPS response leak it (BREACH).
/// </summary>
public static class StaticAssets
{
    public const string HashedFolder = "/designer/assets";

    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    public const string HtmlCacheControl = "no-cache";

    public static IServiceCollection AddDocBpmStaticAssets(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "font/ttf", "application/vnd.ms-fontobject"];
        });

    public static WebApplication UseDocBpmStaticFiles(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HashedFolder), branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SetCacheControl });
        return app;
    }

    private static void SetCacheControl(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments(HashedFolder)
            ? ImmutableCacheControl
            : HtmlCacheControl;
}
