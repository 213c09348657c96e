using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;

namespace DocBpm.Web.Tests;

/// <summary>The demo Department, personal accounts created by the admin, and tasks offered to a whole unit.</summary>
[TestClass]
public sealed class OrganisationTests
{
    private const string UnitTask = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docbpm="urn:docbpm:bpmn:1" id="d" targetNamespace="urn:t">
          <bpmn:process id="to-unit" isExecutable="true">
            <bpmn:startEvent id="s"/>
            <bpmn:userTask id="opinion" name="Cho ý kiến"><bpmn:extensionElements><docbpm:assignment candidateGroups="TCCB"/></bpmn:extensionElements></bpmn:userTask>
            <bpmn:endEvent id="e"/>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="opinion"/>
            <bpmn:sequenceFlow id="f2" sourceRef="opinion" targetRef="e"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    [TestMethod]
    public async Task The_demo_department_has_its_units_and_personal_accounts()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var chief = await factory.LoginAsync("chanhvanphong");

        var units = (await chief.GetFromJsonAsync<JsonArray>("/api/organisation/units"))!;
        var people = (await chief.GetFromJsonAsync<JsonArray>("/api/organisation/people"))!;
        var me = (await (await factory.LoginAsync("chuyenvien")).GetFromJsonAsync<JsonObject>("/api/account/me"))!;

        CollectionAssert.IsSubsetOf(new[] { "BGD", "VP", "TCCB", "GDTrH" }, units.Select(u => (string?)u!["code"]).ToList());
        Assert.IsTrue(people.Count >= 10);
        Assert.IsTrue(people.All(p => (string?)p!["unitCode"] is not null), "every person belongs to a unit");
        Assert.AreEqual("GDTrH", (string?)me["unit"]);
        Assert.AreEqual("Chuyên viên", (string?)me["position"]);
    }

    [TestMethod]
    public async Task An_account_created_by_the_admin_sees_the_tasks_offered_to_its_unit()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await factory.LoginAsync("quantri");
        var analyst = await factory.LoginAsync("phantich");
        (await analyst.PostAsync("/api/definitions", new StringContent(UnitTask, Encoding.UTF8, "application/xml"))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/instances", new { definitionKey = "to-unit" })).EnsureSuccessStatusCode();

        var created = await admin.PostAsJsonAsync("/api/organisation/people", new
        {
            userName = "chuyenvien.tccb", fullName = "Hoàng Thị Tổ", unitCode = "TCCB", position = "Chuyên viên",
            roles = new[] { "ChuyenVien" }, password = "Tcc8@matkhau",
        });
        var newcomer = await factory.LoginAsync("chuyenvien.tccb", "Tcc8@matkhau");
        var outsider = await factory.LoginAsync("chuyenvien");

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode);
        Assert.AreEqual("opinion", (string?)(await newcomer.MyTaskAsync("opinion"))["elementId"]);
        Assert.AreEqual(0, (await outsider.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Count, "another unit does not see it");
    }

    [TestMethod]
    public async Task Bad_accounts_are_refused_in_vietnamese_and_only_the_admin_creates_accounts()
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await factory.LoginAsync("quantri");
        var clerk = await factory.LoginAsync("vanthu");

        var weak = await admin.PostAsJsonAsync("/api/organisation/people", new
        {
            userName = "nguoi.moi", fullName = "Người Mới", unitCode = "VP", roles = new[] { "VanThu" }, password = "abc",
        });
        var duplicate = await admin.PostAsJsonAsync("/api/organisation/people", new
        {
            userName = "vanthu", fullName = "Trùng tên", unitCode = "VP", roles = new[] { "VanThu" }, password = "Tcc8@matkhau",
        });
        var wrong = await admin.PostAsJsonAsync("/api/organisation/people", new
        {
            userName = "X", fullName = "", unitCode = "KHONGCO", roles = new[] { "Vua" }, password = "Tcc8@matkhau",
        });
        var notAdmin = await clerk.PostAsJsonAsync("/api/organisation/people", new
        {
            userName = "ai.do", fullName = "Ai Đó", unitCode = "VP", roles = new[] { "VanThu" }, password = "Tcc8@matkhau",
        });

        Assert.AreEqual(HttpStatusCode.BadRequest, weak.StatusCode);
        StringAssert.Contains(await weak.Content.ReadAsStringAsync(), "Mật khẩu phải có ít nhất 10 ký tự");
        StringAssert.Contains(await duplicate.Content.ReadAsStringAsync(), "đã được sử dụng");
        var problem = (await wrong.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        CollectionAssert.AreEquivalent(new[] { "userName", "fullName", "unitCode", "roles" }, problem.Select(p => p.Key).ToArray());
        Assert.AreEqual(HttpStatusCode.Forbidden, notAdmin.StatusCode);
    }
}
