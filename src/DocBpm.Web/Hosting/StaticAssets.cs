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

    private const string Type1Font = "application/x-font-type1";

    public static IServiceCollection AddDocBpmStaticAssets(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "font/ttf", "application/vnd.ms-fontobject", Type1Font];
        });

    public static WebApplication UseDocBpmStaticFiles(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HashedFolder), branch => branch.UseResponseCompression());
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = ContentTypes(), OnPrepareResponse = SetCacheControl });
        return app;
    }

    /// <summary>
    /// The usual types, and those of the files PDF.js fetches while drawing (designer/src/pdfview/resources.js): the
    /// standard fonts as Type 1 (<c>.pfb</c>) and the packed character maps (<c>.bcmap</c>), which a static file server
    /// does not serve unless it knows their type.
    /// </summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".pfb"] = Type1Font;
        types.Mappings[".bcmap"] = "application/octet-stream";
        return types;
    }

    private static void SetCacheControl(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments(HashedFolder)
            ? ImmutableCacheControl
            : HtmlCacheControl;
}
