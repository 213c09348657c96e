using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// Issue #20 in the browser: the signing leader whose signature failed (no key configured) finds a "Sự cố" line in his
/// inbox, reads on the document what failed and what to do, and retries once the admin has configured the key.
/// </summary>
[TestClass]
public sealed class StepFailureBrowserTests
{
    public TestContext TestContext { get; set; } = default!;

    [TestMethod]
    public async Task Article9_3_the_signing_leader_sees_his_failed_signature_in_the_inbox_and_retries_it_from_the_document()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite, configure: host =>
        {
            OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
            MissingKeys.Use(host, "phogiamdoc1");
        });
        var people = await OutgoingPeople.StartAsync(session.Host);
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc kiểm tra cơ sở vật chất", recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await people.ToClerkAsync(id, "v1");
        await StepFailureTests.RunUntilIncidentAsync(session.Host);

        var leader = await session.LoginAsync("phogiamdoc1");
        await BrowserSession.StepsAsync(leader, TestContext, async () =>
        {
            await leader.GotoAsync("/");
            await leader.GetByRole(AriaRole.Link, new() { Name = "Sự cố: Ký số không thành công", Exact = true }).ClickAsync();
            await Assertions.Expect(leader.Locator("#stage")).ToHaveTextAsync("Ký số không thành công");
            await Assertions.Expect(leader.Locator("#failures")).ToContainTextAsync("Bấm 'Thử lại' hoặc báo quản trị");
            await BrowserSession.ScreenshotAsync(leader, TestContext, "1-failed");

            MissingKeys.Of(session.Host).Fix();
            await leader.GetByRole(AriaRole.Button, new() { Name = "Thử lại", Exact = true }).ClickAsync();
            await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thử lại thành công");
            await Assertions.Expect(leader.Locator("#stage")).ToHaveTextAsync("Đã ký, chờ phát hành");
            await Assertions.Expect(leader.Locator("#failures")).ToHaveCountAsync(0);
            await leader.GotoAsync("/");
            await Assertions.Expect(leader.GetByText("Sự cố: Ký số không thành công")).ToHaveCountAsync(0);
        });
    }
}
