using System.Text.RegularExpressions;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Incoming;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace DocBpm.Web.Tests.Components;

/// <summary>
/// Issue 20: a host built without the designer (no Node.js, <c>DocBpmSkipDesigner</c>, a failed npm build) has no PDF.js
/// viewer. The preview showed an empty grey frame there; it must say why the file is not shown and offer it for download.
/// </summary>
[TestClass]
public sealed partial class PdfPreviewPageTests
{
    [TestMethod]
    public async Task Article8_2_without_the_built_viewer_the_preview_says_so_in_vietnamese_beside_the_download_link_and_shows_no_empty_frame()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var clerk = await host.LoginAsync("vanthu");
        var id = await clerk.UploadAsync(host, "Về việc tổ chức hội khỏe Phù Đổng");
        // The pages now see a web root without designer/pdfview.js, whether or not this machine built the designer (the
        // static files keep the provider they started with).
        host.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider = new NullFileProvider();

        var page = System.Net.WebUtility.HtmlDecode(await clerk.GetStringAsync($"/incoming/{id}"));

        var preview = PreviewPattern().Match(page);
        Assert.IsTrue(preview.Success, "the preview section is on the page");
        StringAssert.Contains(preview.Value,
            "Máy chủ này chưa cài trình xem PDF (cần Node.js khi dựng hệ thống) nên không xem trước được cong-van-15.pdf trên trang; hãy tải về để mở.");
        StringAssert.Matches(preview.Value, new Regex("""<a href="/api/incoming/[0-9a-f-]+/files/[0-9a-f-]+" download="cong-van-15.pdf">Tải về cong-van-15.pdf"""));
        StringAssert.Matches(preview.Value, new Regex("""<div class="pdf-frame"[^>]* hidden>"""), "no empty frame");
        Assert.DoesNotContain("data-src=", preview.Value, "nothing for a viewer to draw");
        Assert.DoesNotContain("pdfview.js", page, "no script that is not there");
    }

    [GeneratedRegex("""<section class="pdf-view" id="preview".*?</section>""", RegexOptions.Singleline)]
    private static partial Regex PreviewPattern();
}
