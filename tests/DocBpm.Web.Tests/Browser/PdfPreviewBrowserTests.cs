using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Documents.Pdf;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Incoming;
using Microsoft.Playwright;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// Issue 20: the Director reads the document beside the assignment form (PDF.js on a canvas). The browser's own PDF
/// viewer in a frame took the keyboard focus when it loaded, so the preview was folded away; this one must not.
/// Needs the designer built (PDF.js is bundled there; CI builds it).
/// </summary>
[TestClass]
public sealed class PdfPreviewBrowserTests
{
    /// <summary>Whether the preview's canvas holds anything but white: the page was drawn, not just sized.</summary>
    private const string CanvasHasInk = """
        () => {
            const canvas = document.querySelector('#preview canvas');
            if (!canvas || canvas.width === 0) return false;
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 0; i < pixels.length; i += 4)
                if (pixels[i + 3] > 0 && pixels[i] < 128) return true;
            return false;
        }
        """;

    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Article8_2_the_Director_reads_the_PDF_beside_the_assignment_form_and_keeps_the_keyboard_focus()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var clerk = await session.ApiAsync("vanthu");
        var letter = await UploadAsync(session, clerk, "Về việc tổ chức hội khỏe Phù Đổng", TwoPageLetter(), "hoi-khoe.pdf");
        var damaged = await UploadAsync(session, clerk, "Về việc kiểm tra cơ sở vật chất", IncomingClient.Pdf, "kiem-tra.pdf");

        var director = await session.LoginAsync("giamdoc");
        await BrowserSession.StepsAsync(director, TestContext, async () =>
        {
            await director.GotoAsync($"/incoming/{letter}");
            await Assertions.Expect(director.Locator("#preview")).ToHaveAttributeAsync("data-rendered", "1");
            Assert.IsTrue(await director.EvaluateAsync<bool>(CanvasHasInk), "the first page is drawn");
            Assert.IsTrue(await director.EvaluateAsync<bool>("() => document.activeElement === document.body"),
                "the page put the focus nowhere, and the preview took none");
            await Assertions.Expect(director.Locator("#preview")).ToContainTextAsync("Trang 1/2");
            await Assertions.Expect(director.GetByRole(AriaRole.Region, new() { Name = "Xem trước hoi-khoe.pdf" })).ToBeVisibleAsync();
            await Assertions.Expect(director.GetByRole(AriaRole.Link, new() { Name = "Tải về hoi-khoe.pdf" })).ToBeVisibleAsync();
            var form = (await director.Locator("#assign").BoundingBoxAsync())!;
            var preview = (await director.Locator("#preview").BoundingBoxAsync())!;
            Assert.IsTrue(preview.X >= form.X + form.Width && preview.Y < form.Y + form.Height, "beside the form at 1400 px");
            await BrowserSession.ScreenshotAsync(director, TestContext, "1-beside-the-form");

            await director.SetViewportSizeAsync(390, 844);
            await director.ReloadAsync();
            await Assertions.Expect(director.Locator("#preview")).ToHaveAttributeAsync("data-rendered", "1");
            form = (await director.Locator("#assign").BoundingBoxAsync())!;
            preview = (await director.Locator("#preview").BoundingBoxAsync())!;
            Assert.IsTrue(preview.Y >= form.Y + form.Height, "below the form on a phone");
            Assert.IsTrue(await director.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at 390 px");
            await BrowserSession.ScreenshotAsync(director, TestContext, "2-below-the-form-on-a-phone");

            // The person starts typing while the file still loads; the drawing must not take the keys away.
            await director.SetViewportSizeAsync(1400, 900);
            await director.GotoAsync($"/incoming/{letter}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await director.Locator("#assign-instruction").FocusAsync();
            await director.Keyboard.TypeAsync("Giao Phòng GDTrH chủ trì");
            await Assertions.Expect(director.Locator("#preview")).ToHaveAttributeAsync("data-rendered", "1");
            await director.Keyboard.TypeAsync(", báo cáo trước hạn.");
            await Assertions.Expect(director.Locator("#assign-instruction")).ToBeFocusedAsync();
            await Assertions.Expect(director.Locator("#assign-instruction")).ToHaveValueAsync("Giao Phòng GDTrH chủ trì, báo cáo trước hạn.");

            var next = director.GetByRole(AriaRole.Button, new() { Name = "Trang sau" });
            await next.FocusAsync();
            await director.Keyboard.PressAsync("Enter");
            await Assertions.Expect(director.Locator("#preview")).ToHaveAttributeAsync("data-rendered", "2");
            await Assertions.Expect(director.Locator("#preview")).ToContainTextAsync("Trang 2/2");
            await Assertions.Expect(next).ToHaveAttributeAsync("aria-disabled", "true");
            await Assertions.Expect(next).ToBeFocusedAsync();
            await director.GetByRole(AriaRole.Button, new() { Name = "Phóng to" }).PressAsync("Enter");
            await Assertions.Expect(director.Locator("#preview")).ToContainTextAsync("125%");

            await director.Locator("#assign-main").FocusAsync();
            await director.SelectOptionAsync("#assign-main", "unit:GDTrH");
            await director.Locator("#assign-presets input").First.FocusAsync();
            await director.Keyboard.PressAsync("Space");
            await director.GetByRole(AriaRole.Button, new() { Name = "Chuyển xử lý" }).FocusAsync();
            await director.Keyboard.PressAsync("Enter");
            await Assertions.Expect(director.Locator("#status")).ToHaveTextAsync("Đang xử lý");

            await director.GotoAsync($"/incoming/{damaged}");
            await Assertions.Expect(director.Locator("#preview [data-pdf=message]"))
                .ToHaveTextAsync("Không hiển thị được kiem-tra.pdf: tệp không phải PDF hoặc đã bị hỏng. Hãy dùng liên kết tải về bên dưới để mở tệp.");
            await Assertions.Expect(director.GetByRole(AriaRole.Link, new() { Name = "Tải về kiem-tra.pdf" })).ToBeVisibleAsync();
            await Assertions.Expect(director.Locator("#preview canvas")).ToBeHiddenAsync();
            await Assertions.Expect(director.GetByRole(AriaRole.Button, new() { Name = "Trang sau" })).ToBeHiddenAsync();
        });
    }

    [TestMethod]
    public async Task Article8_2_a_PDF_naming_standard_fonts_it_does_not_embed_is_drawn_with_the_fonts_this_site_serves_and_no_font_warning()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var clerk = await session.ApiAsync("vanthu");
        var letter = await UploadAsync(session, clerk, "Về việc thi giáo viên dạy giỏi", StandardFontLetter(), "thi-gvdg.pdf");

        var director = await session.LoginAsync("giamdoc");
        var console = new List<string>();
        director.Console += (_, message) => console.Add($"{message.Type}: {message.Text} ({message.Location})");
        var fonts = new List<IResponse>();
        director.Response += (_, response) =>
        {
            if (response.Url.Contains("/standard_fonts/", StringComparison.Ordinal))
                fonts.Add(response);
        };
        await BrowserSession.StepsAsync(director, TestContext, async () =>
        {
            await director.GotoAsync($"/incoming/{letter}");
            await Assertions.Expect(director.Locator("#preview")).ToHaveAttributeAsync("data-rendered", "1");
            Assert.IsTrue(await director.EvaluateAsync<bool>(CanvasHasInk), "the text is drawn");

            var fetched = fonts.Select(f => new Uri(f.Url).AbsolutePath).ToList();
            // Helvetica takes a font of the computer when it has one and Liberation Sans from here otherwise; ZapfDingbats always comes from here.
            Assert.IsTrue(fetched.Any(p => p.EndsWith("/FoxitDingbats.pfb", StringComparison.Ordinal)), "ZapfDingbats: " + string.Join(", ", fetched));
            foreach (var font in fonts)
            {
                StringAssert.StartsWith(new Uri(font.Url).AbsolutePath, "/designer/assets/pdfjs-", "from this site, in a folder named after PDF.js's version");
                Assert.AreEqual(200, font.Status, font.Url);
                Assert.AreEqual("public, max-age=31536000, immutable", await font.HeaderValueAsync("cache-control"), font.Url);
            }
            // The browser asks for /favicon.ico by itself, and the site has none: that 404 is not the preview's.
            Assert.AreEqual("", string.Join("\n", console.Where(m => !m.Contains("/favicon.ico", StringComparison.Ordinal)
                && (m.Contains("font", StringComparison.OrdinalIgnoreCase) || m.StartsWith("warning", StringComparison.Ordinal)
                    || m.StartsWith("error", StringComparison.Ordinal)))), "the console");

            // A viewer that cannot be loaded (a stale or broken build) says so instead of leaving an empty frame.
            await director.RouteAsync("**/designer/assets/viewer-*.js", route => route.AbortAsync());
            await director.ReloadAsync();
            await Assertions.Expect(director.Locator("#preview [data-pdf=message]")).ToHaveTextAsync(
                "Không hiển thị được thi-gvdg.pdf: không tải được trình xem PDF của trang. Hãy dùng liên kết tải về bên dưới để mở tệp.");
            await Assertions.Expect(director.Locator("#preview [data-pdf=frame]")).ToBeHiddenAsync();
            await Assertions.Expect(director.GetByRole(AriaRole.Link, new() { Name = "Tải về thi-gvdg.pdf" })).ToBeVisibleAsync();
        });
    }

    [TestMethod]
    public async Task Article4_the_signed_revision_and_the_current_file_are_drawn_side_by_side_on_a_wide_screen_and_one_above_the_other_on_a_phone()
    {
        var (_, issued) = await Signatures.SignedRevisionApiTests.SignedLetterAsync();
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var (id, _) = await Signatures.SignedRevisionApiTests.UploadAsync(await session.ApiAsync("vanthu"), issued);

        var clerk = await session.LoginAsync("vanthu");
        await BrowserSession.StepsAsync(clerk, TestContext, async () =>
        {
            await clerk.GotoAsync($"/incoming/{id}");
            Assert.AreEqual(0, await clerk.Locator("iframe").CountAsync(), "no frame of the browser's PDF viewer");
            var signed = clerk.Locator("#signed-1");
            var current = clerk.Locator("#current-1");
            await Assertions.Expect(signed).Not.ToHaveAttributeAsync("data-rendered", new System.Text.RegularExpressions.Regex("."));
            await clerk.GetByText("So sánh bản đã ký với bản hiện tại").First.ClickAsync();
            await Assertions.Expect(signed).ToHaveAttributeAsync("data-rendered", "1");
            await Assertions.Expect(current).ToHaveAttributeAsync("data-rendered", "1");
            await Assertions.Expect(clerk.GetByRole(AriaRole.Region, new() { Name = "Bản chữ ký 1 đã ký" })).ToBeVisibleAsync();
            await Assertions.Expect(clerk.GetByRole(AriaRole.Region, new() { Name = "Bản hiện tại" })).ToBeVisibleAsync();
            await Assertions.Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "Tải về 123-SGDDT-VP-ban-ky-1.pdf" })).ToBeVisibleAsync();
            var left = (await signed.BoundingBoxAsync())!;
            var right = (await current.BoundingBoxAsync())!;
            Assert.IsTrue(right.X >= left.X + left.Width && Math.Abs(right.Y - left.Y) < 1, "side by side at 1400 px");
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "3-signed-revision-beside-the-current-file");

            await clerk.SetViewportSizeAsync(390, 844);
            await Assertions.Expect(current).ToHaveAttributeAsync("data-rendered", "1");
            left = (await signed.BoundingBoxAsync())!;
            right = (await current.BoundingBoxAsync())!;
            Assert.IsTrue(right.Y >= left.Y + left.Height, "one above the other on a phone");
            Assert.IsTrue(await clerk.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at 390 px");
            await BrowserSession.ScreenshotAsync(clerk, TestContext, "4-signed-revision-above-the-current-file-on-a-phone");
        });
    }

    private static async Task<Guid> UploadAsync(BrowserSession session, HttpClient clerk, string subject, byte[] pdf, string name)
    {
        var form = IncomingClient.PaperForm(subject, withFile: false);
        form.Add(new ByteArrayContent(pdf) { Headers = { ContentType = new("application/pdf") } }, "files", name);
        var response = await clerk.PostAsync("/api/incoming", form);
        response.EnsureSuccessStatusCode();
        await session.Host.RunDueWorkAsync();
        var id = (Guid)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await clerk.RegisterAsync(id, subject);
        return id;
    }

    private static byte[] TwoPageLetter()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(new PdfFonts().GetFont("DejaVuSans")!);
        foreach (var text in new[] { "Trang một: tổ chức hội khỏe Phù Đổng", "Trang hai: kinh phí" })
        {
            var page = builder.AddPage(PageSize.A4);
            page.DrawRectangle(new PdfPoint(60, 600), 300, 120, 4, fill: true);
            page.AddText(text, 14, new PdfPoint(60, 760), font);
        }
        return builder.Build();
    }

    /// <summary>A letter in Helvetica and ZapfDingbats, neither embedded: PDF.js needs the standard font files to draw it.</summary>
    private static byte[] StandardFontLetter()
    {
        using var builder = new PdfDocumentBuilder();
        var helvetica = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        var dingbats = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.ZapfDingbats);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("Ky thi giao vien day gioi cap tinh", 14, new PdfPoint(60, 760), helvetica);
        page.AddText("4", 14, new PdfPoint(60, 730), dingbats);
        return builder.Build();
    }
}
