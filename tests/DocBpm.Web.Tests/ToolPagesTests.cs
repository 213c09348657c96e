using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Tests.Incoming;
using DocBpm.Web.Tests.Outgoing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests;

/// <summary>
/// Issue 20, the designer and monitor at first contact: the deploy confirmation's facts, a Vietnamese refusal for a browser,
/// links only to the pages one may open, instances named by their document, and static files compressed and cached.
/// One host for the class: each test deploys or records under names of its own.
/// </summary>
[TestClass]
public sealed partial class ToolPagesTests
{
    private static DocBpmWebFactory host = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context) => host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);

    [ClassCleanup]
    public static async Task StopAsync() => await host.DisposeAsync();

    private static StringContent Bpmn(string xml) => new(xml, Encoding.UTF8, "application/xml");

    [TestMethod]
    public async Task Deploy_preview_tells_the_key_the_version_to_come_and_the_instances_that_stay_and_changes_nothing()
    {
        var analyst = await host.LoginAsync("phantich");
        var v1 = MonitorApiTests.Review("Sign");
        await MonitorApiTests.DeployAsync(analyst, v1);
        (await (await host.LoginAsync("vanthu")).PostAsJsonAsync("/api/instances", new { definitionKey = "xem-xet" })).EnsureSuccessStatusCode();

        var changed = await analyst.PostAsync("/api/definitions/deploy-preview", Bpmn(MonitorApiTests.Review("Approve")));
        var preview = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.AreEqual((true, "xem-xet", 1, 2, 1, 0), ((bool)preview["valid"]!, (string?)preview["key"], (int?)preview["currentVersion"],
            (int?)preview["nextVersion"], (int)preview["runningOnCurrent"]!, (int)preview["runningOnOlder"]!));

        var same = (await (await analyst.PostAsync("/api/definitions/deploy-preview", Bpmn(v1))).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.IsNull(same["nextVersion"], "the same file deploys no new version");

        var invalid = (await (await analyst.PostAsync("/api/definitions/deploy-preview", Bpmn(v1.Replace("targetRef=\"End\"", "targetRef=\"Nowhere\"", StringComparison.Ordinal))))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.IsFalse((bool)invalid["valid"]!);
        StringAssert.Contains((string?)invalid["errors"]![0]!["message"], "Nowhere", "the errors validation gives, in Vietnamese");

        Assert.AreEqual(HttpStatusCode.Forbidden, (await (await host.LoginAsync("vanthu")).PostAsync("/api/definitions/deploy-preview", Bpmn(v1))).StatusCode);
        var versions = await analyst.GetFromJsonAsync<JsonArray>("/api/definitions?key=xem-xet");
        Assert.AreEqual(1, versions!.Count, "a preview deploys nothing");
    }

    [TestMethod]
    public async Task A_browser_without_the_role_gets_a_Vietnamese_page_and_links_show_only_the_pages_one_may_open()
    {
        var analyst = await host.LoginAsync("phantich");
        var navigation = new HttpRequestMessage(HttpMethod.Get, "/monitor");
        navigation.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var refused = await analyst.SendAsync(navigation);

        Assert.AreEqual(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.AreEqual("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = await refused.Content.ReadAsStringAsync();
        StringAssert.Contains(page, "<html lang=\"vi\">");
        StringAssert.Contains(page, "Không có quyền mở trang này");
        StringAssert.Contains(page, "không có vai trò Quản trị");
        StringAssert.Contains(page, "href=\"/\"");

        CollectionAssert.AreEqual(new[] { "/designer" }, await OpenableAsync(analyst));
        CollectionAssert.AreEqual(new[] { "/designer", "/monitor" }, await OpenableAsync(await host.LoginAsync("quantri")));
        CollectionAssert.AreEqual(Array.Empty<string>(), await OpenableAsync(await host.LoginAsync("vanthu")));
    }

    private static async Task<string[]> OpenableAsync(HttpClient user) =>
        [.. (await user.GetFromJsonAsync<JsonArray>("/api/tool-pages"))!.Select(p => (string)p!)];

    [TestMethod]
    public async Task The_monitor_names_instances_by_their_documents_number_summary_and_page()
    {
        var clerk = await host.LoginAsync("vanthu");
        var incoming = await clerk.UploadAsync(host, "Về việc thi chọn học sinh giỏi cấp tỉnh");
        var drafter = await host.LoginAsync("chuyenvien");
        var draft = await drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc tổ chức hội thi giáo viên giỏi", urgency = "Normal",
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        var admin = await host.LoginAsync("quantri");
        var incomingInstance = await InstanceOfAsync(admin, "incoming", (string)(await clerk.DetailAsync(incoming))["processKey"]!);
        var outgoingInstance = await InstanceOfAsync(admin, "outgoing", draft.ToString());

        var documents = (await admin.GetFromJsonAsync<JsonArray>(
            $"/api/monitor/instance-documents?id={incomingInstance}&id={outgoingInstance}&id={Guid.CreateVersion7()}"))!;

        var byInstance = documents.ToDictionary(d => (Guid)d!["instanceId"]!, d => d!);
        Assert.AreEqual(2, byInstance.Count, "an unknown instance has no document");
        var received = byInstance[incomingInstance];
        Assert.AreEqual(("Văn bản đến", "15/UBND-VP", "Về việc thi chọn học sinh giỏi cấp tỉnh", $"/incoming/{incoming}"),
            ((string?)received["kind"], (string?)received["label"], (string?)received["summary"], (string?)received["link"]));
        var drafted = byInstance[outgoingInstance];
        Assert.AreEqual(("Văn bản đi", "Dự thảo công văn", $"/outgoing/{draft}"),
            ((string?)drafted["kind"], (string?)drafted["label"], (string?)drafted["link"]));
        Assert.AreEqual(HttpStatusCode.Forbidden,
            (await (await host.LoginAsync("phantich")).GetAsync($"/api/monitor/instance-documents?id={incomingInstance}")).StatusCode);
    }

    private static async Task<Guid> InstanceOfAsync(HttpClient admin, string definitionKey, string businessKey) =>
        (Guid)(await admin.GetFromJsonAsync<JsonObject>($"/api/instances?definitionKey={definitionKey}&businessKey={Uri.EscapeDataString(businessKey)}"))!
            ["items"]!.AsArray().Single()!["id"]!;

    /// <summary>Needs the designer built (CI builds it; a build with DocBpmSkipDesigner=true answers 503 here).</summary>
    [TestMethod]
    public async Task Hashed_designer_assets_are_compressed_and_cached_for_a_year_while_the_pages_are_revalidated()
    {
        var admin = await host.LoginAsync("quantri");
        var page = await admin.GetAsync("/monitor");
        Assert.AreEqual(HttpStatusCode.OK, page.StatusCode, "the designer must be built (npm run build in designer/)");
        Assert.IsTrue(page.Headers.CacheControl?.NoCache, "a page names the hashed scripts of its build");
        var html = await page.Content.ReadAsStringAsync();
        StringAssert.Contains(html, "<a href=\"/\">‹ Hộp công việc</a>", "issue 20: a way back to the inbox");
        var script = ScriptPath().Match(html).Groups["path"].Value;

        foreach (var (encoding, expected) in new[] { ("br", "br"), ("gzip", "gzip") })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, script);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var asset = await host.CreateClient().SendAsync(request);

            Assert.AreEqual(HttpStatusCode.OK, asset.StatusCode, script);
            CollectionAssert.AreEqual(new[] { expected }, asset.Content.Headers.ContentEncoding.ToArray());
            Assert.AreEqual("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        }
    }

    /// <summary>Browsers ask for /favicon.ico whatever the page links; a 404 there was noise in the logs and in every browser test's console.</summary>
    [TestMethod]
    public async Task The_icon_is_served_to_anyone_as_an_image_and_every_page_links_it()
    {
        var anonymous = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var ico = await anonymous.GetAsync("/favicon.ico");
        var svg = await anonymous.GetAsync("/favicon.svg");
        var login = await anonymous.GetStringAsync("/login");

        Assert.AreEqual(HttpStatusCode.OK, ico.StatusCode);
        Assert.AreEqual("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        CollectionAssert.AreEqual(new byte[] { 0, 0, 1, 0 }, (await ico.Content.ReadAsByteArrayAsync())[..4], "an ICO file's header");
        Assert.AreEqual(HttpStatusCode.OK, svg.StatusCode);
        Assert.AreEqual("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        StringAssert.Contains(login, "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", "the page before sign-in links it too");
        StringAssert.Contains(login, "<link rel=\"icon\" href=\"/favicon.ico\"", "and the ICO, for browsers without SVG icons");
    }

    [TestMethod]
    public async Task The_monitor_shows_people_by_full_name_and_position_not_by_login()
    {
        var admin = await host.LoginAsync("quantri");

        var names = (await admin.GetFromJsonAsync<JsonObject>("/api/monitor/people?login=giamdoc&login=truongphong.khtc&login=system&login=giamdoc"))!;

        Assert.AreEqual("Hoàng Văn Giám (Giám đốc)", (string?)names["giamdoc"]);
        StringAssert.EndsWith((string?)names["truongphong.khtc"], "(Trưởng phòng)");
        Assert.AreEqual(2, names.Count, "a login nobody holds (a system step) is left out and stays as it is on the page");
        var tooMany = await admin.GetAsync("/api/monitor/people?" + string.Join('&', Enumerable.Range(0, 201).Select(i => $"login=u{i}")));
        Assert.AreEqual(HttpStatusCode.BadRequest, tooMany.StatusCode);
        StringAssert.Contains(await tooMany.Content.ReadAsStringAsync(), "tối đa 200 tài khoản");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await (await host.LoginAsync("vanthu")).GetAsync("/api/monitor/people?login=giamdoc")).StatusCode);
    }

    /// <summary>Needs the designer built, as the test above.</summary>
    [TestMethod]
    public async Task The_PDF_preview_loads_PDF_js_and_its_worker_compressed_and_cached_through_a_revalidated_loader()
    {
        var client = host.CreateClient();
        var loader = await client.GetAsync("/designer/pdfview.js");
        Assert.AreEqual(HttpStatusCode.OK, loader.StatusCode, "the designer must be built (npm run build in designer/)");
        Assert.IsTrue(loader.Headers.CacheControl?.NoCache, "the pages name the loader; it names the hashed scripts of its build");
        var viewer = "/designer/" + ViewerPath().Match(await loader.Content.ReadAsStringAsync()).Groups["path"].Value;

        await AssertCompressedAndCachedAsync(client, viewer);
        var worker = WorkerPath().Match(await client.GetStringAsync(viewer)).Value;
        Assert.AreNotEqual("", worker, "PDF.js is told where its worker is");
        var workerScript = await AssertCompressedAndCachedAsync(client, worker);
        Assert.AreEqual("text/javascript", workerScript.Content.Headers.ContentType?.MediaType, "a module worker must be served as JavaScript");

        // The fonts and character maps PDF.js fetches while drawing, from the folder named after its version (the viewer
        // builds the name at run time from PDF.js's version; PdfPreviewBrowserTests sees it fetch from there).
        var resources = host.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetDirectoryContents("designer/assets")
            .Single(f => f.IsDirectory && f.Name.StartsWith("pdfjs-", StringComparison.Ordinal)).Name + "/";
        var font = await AssertCompressedAndCachedAsync(client, $"/designer/assets/{resources}standard_fonts/FoxitDingbats.pfb");
        Assert.AreEqual("application/x-font-type1", font.Content.Headers.ContentType?.MediaType);
        using var cmap = await client.GetAsync($"/designer/assets/{resources}cmaps/UniJIS-UCS2-H.bcmap");
        Assert.AreEqual(HttpStatusCode.OK, cmap.StatusCode, "a packed character map is served");
        Assert.AreEqual("public, max-age=31536000, immutable", cmap.Headers.CacheControl?.ToString());
    }

    private static async Task<HttpResponseMessage> AssertCompressedAndCachedAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
        CollectionAssert.AreEqual(new[] { "br" }, response.Content.Headers.ContentEncoding.ToArray(), path);
        Assert.AreEqual("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString(), path);
        return response;
    }

    [GeneratedRegex("src=\"(?<path>/designer/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPath();

    [GeneratedRegex("\\./(?<path>assets/viewer-[^\"]+\\.js)")]
    private static partial Regex ViewerPath();

    [GeneratedRegex("/designer/assets/pdf\\.worker[^\"]+\\.mjs")]
    private static partial Regex WorkerPath();
}
