using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DocBpm.Web.Tests.Browser;

/// <summary>The admin's monitor in a real browser against the real host.</summary>
[TestClass]
public sealed class MonitorBrowserTests
{
    private const string Archiving = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
          xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:docbpm:tests">
          <bpmn:process id="luu-tru" name="Lưu trữ văn bản" isExecutable="true">
            <bpmn:startEvent id="Start"/>
            <bpmn:serviceTask id="Archive" name="Gửi bản sao lưu trữ">
              <bpmn:extensionElements><docbpm:activity type="ArchiveCopy"/></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:userTask id="Sign" name="Giám đốc ký">
              <bpmn:extensionElements><docbpm:assignment candidateGroups="GiamDoc"/></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="End"/>
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Archive"/>
            <bpmn:sequenceFlow id="f2" sourceRef="Archive" targetRef="Sign"/>
            <bpmn:sequenceFlow id="f3" sourceRef="Sign" targetRef="End"/>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="dia"><bpmndi:BPMNPlane id="plane" bpmnElement="luu-tru">
            <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Archive_di" bpmnElement="Archive"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="Sign_di" bpmnElement="Sign"><dc:Bounds x="360" y="78" width="100" height="80"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="520" y="100" width="36" height="36"/></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118"/><di:waypoint x="360" y="118"/></bpmndi:BPMNEdge>
            <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="460" y="118"/><di:waypoint x="520" y="118"/></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Admin_sees_the_failed_step_retries_it_and_then_sees_the_next_step_highlighted()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite, services =>
            services.AddSingleton<ArchiveOutage>().AddActivity<ArchiveCopy>());
        var analyst = await session.ApiAsync("phantich");
        (await analyst.PostAsync("/api/definitions", new StringContent(Archiving, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        var clerk = await session.ApiAsync("vanthu");
        var started = await clerk.PostAsJsonAsync("/api/instances", new { definitionKey = "luu-tru", businessKey = "07/QĐ-SGDĐT" });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await session.Host.RunDueWorkAsync();

        var page = await session.LoginAsync("quantri");
        await BrowserSession.StepsAsync(page, TestContext, async () =>
        {
            await page.GotoAsync("/monitor");
            await Expect(page.Locator("#definitions tr[data-key='luu-tru'] td").Nth(7)).ToHaveTextAsync("1");
            // Issue 20: people by name and position, not by login ("Người triển khai", "Người bắt đầu").
            await Expect(page.Locator("#definitions tr[data-key='luu-tru'] td").Nth(4)).ToHaveTextAsync("Phân tích nghiệp vụ (Chuyên viên)");
            await page.ClickAsync("#definitions tr[data-key='luu-tru'] button");
            await Expect(page.Locator("#page")).ToContainTextAsync("1 hồ sơ");
            await Expect(page.Locator("#filters input[name='version']")).ToHaveValueAsync("1");
            await page.SelectOptionAsync("#filters select[name='state']", "failed");
            await page.ClickAsync("#filters button[type='submit']");
            await Expect(page.Locator("#instances tbody tr")).ToHaveCountAsync(1);
            await Expect(page.Locator("#instances tbody td").Nth(6)).ToHaveTextAsync("Hà Thị Thư (Văn thư)");
            await BrowserSession.ScreenshotAsync(page, TestContext, "failed-instances");
            await page.ClickAsync("#instances tbody a:has-text('07/QĐ-SGDĐT')");

            await Expect(page.Locator(".djs-element[data-element-id='Archive']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("docbpm-incident"));
            await Expect(page.Locator("#incidents tbody")).ToContainTextAsync("Kho lưu trữ không phản hồi");
            // Issue 20: steps by their BPMN names, not their ids.
            await Expect(page.Locator("#incidents tbody td").First).ToHaveTextAsync("Gửi bản sao lưu trữ");
            await BrowserSession.ScreenshotAsync(page, TestContext, "incident");

            session.Host.Services.GetRequiredService<ArchiveOutage>().IsDown = false;
            await page.ClickAsync("#incidents button:has-text('Thử lại')");
            await Expect(page.Locator("#status")).ToContainTextAsync("Đã cho chạy lại bước Gửi bản sao lưu trữ");
            await session.Host.RunDueWorkAsync();
            await page.ReloadAsync();

            var sign = page.Locator(".djs-element[data-element-id='Sign']");
            await Expect(sign).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("docbpm-active"));
            await Expect(page.Locator(".djs-element[data-element-id='Archive']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("docbpm-done"));
            await Expect(page.Locator("#tasks tbody tr[data-element-id='Sign']")).ToContainTextAsync("GiamDoc");
            await BrowserSession.ScreenshotAsync(page, TestContext, "retried");
        });

        var detail = await (await session.ApiAsync("quantri")).ReadAsync<JsonObject>($"/api/instances/{instanceId}");
        Assert.AreEqual(0, (int)detail["instance"]!["openIncidents"]!);
        Assert.AreEqual("retried", (string?)detail["incidents"]!.AsArray().Single()!["resolution"]);
    }

    [TestMethod]
    public async Task Admin_moves_a_running_instance_to_a_newer_version_from_its_page_unless_that_version_lacks_its_step_then_cancels_it()
    {
        await using var session = await BrowserSession.StartAsync(DatabaseProvider.Sqlite);
        var analyst = await session.ApiAsync("phantich");
        await MonitorApiTests.DeployAsync(analyst, MonitorApiTests.Review("Sign"));
        var started = await (await session.ApiAsync("vanthu")).PostAsJsonAsync("/api/instances", new { definitionKey = "xem-xet" });
        var instanceId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await MonitorApiTests.DeployAsync(analyst, MonitorApiTests.Review("Sign").Replace("id=\"End\"", "id=\"End\" name=\"Xong\"", StringComparison.Ordinal));
        await MonitorApiTests.DeployAsync(analyst, MonitorApiTests.Review("Approve"));

        var page = await session.LoginAsync("quantri");
        await BrowserSession.StepsAsync(page, TestContext, async () =>
        {
            await page.GotoAsync($"/monitor/instances/{instanceId}");
            await page.SelectOptionAsync("#target-version", "3");
            await page.ClickAsync("#migrate");
            await Expect(page.Locator("#status")).ToContainTextAsync("Phiên bản 3 không có các bước mà hồ sơ đang dừng ở: Sign");
            await BrowserSession.ScreenshotAsync(page, TestContext, "refused");

            await page.SelectOptionAsync("#target-version", "2");
            await page.ClickAsync("#migrate");
            await Expect(page.Locator("#status")).ToContainTextAsync("Hồ sơ đã chuyển sang phiên bản 2");
            await Expect(page.Locator("#summary")).ToContainTextAsync("xem-xet — phiên bản 2");

            page.Dialog += async (_, dialog) => await dialog.AcceptAsync("Hồ sơ trùng");
            await page.ClickAsync("#cancel");
            await Expect(page.Locator("#status")).ToContainTextAsync("Đã hủy hồ sơ");
            await Expect(page.Locator("#summary")).ToContainTextAsync("Đã hủy");
            await Expect(page.Locator("#journal")).ToContainTextAsync("Hồ sơ trùng");
            await Expect(page.Locator("#cancel")).ToBeDisabledAsync();
        });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
