using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Hosting;

/// <summary>
/// The refusal a person sees when a browser opens a page their roles do not allow: a Vietnamese page with a way back,
/// not the problem details (JSON) that API clients get for the same refusal.
/// </summary>
public static class ForbiddenPage
{
    public const string Title = "Không có quyền";

    /// <summary>Escapes markup only: Vietnamese letters stay readable in the page source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>A browser navigating asks for HTML first; API clients and the pages' own fetch calls ask for JSON.</summary>
    public static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static ContentHttpResult Render(string detail) => TypedResults.Content($$"""
        <!doctype html>
        <html lang="vi">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{Title}} — DocBpm</title>
          <style>
            body { font-family: system-ui, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2933; }
            header { background: #0b4f8a; color: #fff; padding: 10px 16px; }
            main { max-width: 40rem; padding: 16px; }
            h1 { font-size: 1.4rem; color: #8a1c13; }
            a { color: #0b4f8a; }
          </style>
        </head>
        <body>
          <header>Quản lý văn bản — Sở GD&amp;ĐT Lạng Sơn</header>
          <main>
            <h1>{{Title}} mở trang này</h1>
            <p>{{Encoder.Encode(detail)}}</p>
            <p>Nếu công việc của bạn cần trang này, hãy đề nghị quản trị hệ thống cấp vai trò phù hợp.</p>
            <p><a href="/">‹ Về Hộp công việc</a></p>
          </main>
        </body>
        </html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
}
