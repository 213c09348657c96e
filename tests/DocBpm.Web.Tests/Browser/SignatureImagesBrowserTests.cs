using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Persistence;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>NĐ30 Phụ lục I in the browser: the admin uploads a leader's signature image and the agency seal, and removes them.</summary>
[TestClass]
public sealed class SignatureImagesBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Decree30_AppendixI_the_admin_uploads_a_leaders_signature_and_the_seal_a_non_png_is_refused_and_only_the_admin_may()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var admin = await session.LoginAsync("quantri");
        await BrowserSession.StepsAsync(admin, TestContext, async () =>
        {
            await admin.GotoAsync("/");
            await admin.GetByRole(AriaRole.Link, new() { Name = "Ảnh chữ ký, con dấu" }).ClickAsync();
            await Assertions.Expect(admin.Locator("#no-images")).ToBeVisibleAsync();

            await admin.SelectOptionAsync("#owner", new SelectOptionValue { Label = "Hoàng Văn Giám (Giám đốc)" });
            await admin.SetInputFilesAsync("#png", new FilePayload { Name = "chuky.png", MimeType = "image/png", Buffer = TestPng.Rgba(300, 120, 0, 0, 200) });
            await admin.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu ảnh.");

            await admin.SelectOptionAsync("#owner", new SelectOptionValue { Label = "Con dấu của cơ quan" });
            await admin.SetInputFilesAsync("#png", new FilePayload { Name = "condau.png", MimeType = "image/png", Buffer = TestPng.Rgba(200, 200, 220, 0, 0) });
            await admin.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(admin.Locator("#images")).ToContainTextAsync("Hoàng Văn Giám (Giám đốc)");
            await Assertions.Expect(admin.Locator("#images")).ToContainTextAsync("Con dấu của cơ quan");
            Assert.AreEqual(2, await admin.Locator("#images img").CountAsync());

            await admin.SetInputFilesAsync("#png", new FilePayload { Name = "giamao.png", MimeType = "image/png", Buffer = "GIF89a, không phải PNG"u8.ToArray() });
            await admin.GetByRole(AriaRole.Button, new() { Name = "Tải lên" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await Assertions.Expect(admin.Locator("p.notice")).ToHaveCountAsync(0);
            Assert.AreEqual(2, await admin.Locator("#images img").CountAsync(), "a refused upload stores nothing");

            await admin.Locator("#images tr", new() { HasText = "Hoàng Văn Giám" }).GetByRole(AriaRole.Button, new() { Name = "Xóa ảnh" }).ClickAsync();
            await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã xóa ảnh.");
            Assert.AreEqual(1, await admin.Locator("#images img").CountAsync());
        });

        var clerk = await session.LoginAsync("vanthu");
        await BrowserSession.StepsAsync(clerk, TestContext, async () =>
        {
            await clerk.GotoAsync("/admin/signature-images");
            await Assertions.Expect(clerk.GetByRole(AriaRole.Alert)).ToContainTextAsync("Chỉ quản trị hệ thống");
            await Assertions.Expect(clerk.Locator("#upload")).ToHaveCountAsync(0);
        });
    }
}
