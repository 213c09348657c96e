using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Tests.ProvincialTasks;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>Internal recipients are picked from the organisation's units and people; the steps still refuse codes not in them.</summary>
[TestClass]
public sealed partial class RecipientListTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task The_draft_page_offers_every_unit_of_the_organisation_and_every_person_under_their_unit(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var admin = await host.LoginAsync("quantri");
        var units = (await admin.GetFromJsonAsync<JsonArray>("/api/organisation/units"))!;
        var people = (await admin.GetFromJsonAsync<JsonArray>("/api/organisation/people"))!;
        var drafter = await host.LoginAsync("chuyenvien");

        var page = await drafter.GetStringAsync("/outgoing");

        var unitList = Select(page, "units");
        CollectionAssert.AreEqual(units.Select(u => (string?)u!["code"]).ToList(), Options(unitList).Select(o => o.Value).ToList(),
            "every unit, in the organisation's order");
        StringAssert.Contains(unitList, "Phòng Tổ chức cán bộ (TCCB)");
        var groups = Groups().Matches(Select(page, "people")).ToDictionary(g => g.Groups["label"].Value, g => Options(g.Groups["options"].Value));
        Assert.AreEqual(people.Count, groups.Values.Sum(g => g.Count), "every account once");
        foreach (var person in people)
        {
            var unitName = (string?)units.Single(u => (string?)u!["code"] == (string?)person!["unitCode"])!["name"];
            var option = groups[unitName!].Single(o => o.Value == (string?)person!["userName"]);
            Assert.AreEqual($"{person!["fullName"]} — {person["position"]}", option.Text, "full name and position, under the person's unit");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_unit_or_person_not_in_the_organisation_is_refused_in_Vietnamese_and_the_recipients_stay_as_they_were(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var drafter = await host.LoginAsync("chuyenvien");
        var id = await drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV",
            subject = "Về việc kiểm tra cơ sở vật chất trường học",
            urgency = "Normal",
            recipients = new object[] { new { kind = "Unit", code = "TCCB" }, new { kind = "Person", code = "chuyenvien.gdmnth" } },
        });

        await OutgoingClient.AssertProblemAsync(await drafter.PutAsJsonAsync($"/api/outgoing/{id}/recipients",
            new object[] { new { kind = "Unit", code = "KHTC" }, new { kind = "Unit", code = "NOPE" } }), HttpStatusCode.UnprocessableEntity, "danh sách đơn vị: NOPE");
        await OutgoingClient.AssertProblemAsync(await drafter.PutAsJsonAsync($"/api/outgoing/{id}/recipients",
            new object[] { new { kind = "Unit", code = "KHTC" }, new { kind = "Person", code = "khong.co.ai" } }), HttpStatusCode.UnprocessableEntity,
            "Người nhận 'khong.co.ai' không có tài khoản");

        var recipients = (await drafter.PageAsync(id))["recipients"]!.AsArray().Select(r => (string?)r!["code"]).ToList();
        CollectionAssert.AreEquivalent(new[] { "TCCB", "chuyenvien.gdmnth" }, recipients);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_locked_account_is_neither_offered_nor_accepted_as_a_recipient_and_the_recipients_stay_as_they_were(DatabaseProvider provider)
    {
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        var admin = await host.LoginAsync("quantri");
        var drafter = await host.LoginAsync("chuyenvien");
        var id = await drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV",
            subject = "Về việc kiểm tra cơ sở vật chất trường học",
            urgency = "Normal",
            recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await Expect.SuccessAsync(await admin.PostAsync("/api/organisation/people/chuyenvien.gdmnth/lock", null));

        Assert.IsFalse(Options(Select(await drafter.GetStringAsync("/outgoing"), "people")).Any(o => o.Value == "chuyenvien.gdmnth"),
            "the draft form does not offer the locked account");
        Assert.IsTrue(Options(Select(await drafter.GetStringAsync("/outgoing"), "people")).Any(o => o.Value == "chuyenvien.khtc"));
        await OutgoingClient.AssertProblemAsync(await drafter.PutAsJsonAsync($"/api/outgoing/{id}/recipients",
            new object[] { new { kind = "Unit", code = "KHTC" }, new { kind = "Person", code = "chuyenvien.gdmnth" } }), HttpStatusCode.UnprocessableEntity,
            "(chuyenvien.gdmnth) đang bị khóa");
        CollectionAssert.AreEquivalent(new[] { "TCCB" }, (await drafter.PageAsync(id))["recipients"]!.AsArray().Select(r => (string?)r!["code"]).ToList());

        await Expect.SuccessAsync(await admin.PostAsync("/api/organisation/people/chuyenvien.gdmnth/unlock", null));
        Assert.IsTrue(Options(Select(await drafter.GetStringAsync("/outgoing"), "people")).Any(o => o.Value == "chuyenvien.gdmnth"), "unlocked, offered again");
        await Expect.SuccessAsync(await drafter.PutAsJsonAsync($"/api/outgoing/{id}/recipients",
            new object[] { new { kind = "Person", code = "chuyenvien.gdmnth" } }));
    }

    /// <summary>The inner HTML of the form's select list named <paramref name="name"/>, its Vietnamese text decoded.</summary>
    private static string Select(string page, string name)
    {
        var match = Regex.Match(page, $"<select id=\"{name}\" name=\"{name}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.IsTrue(match.Success, $"the draft form has the list '{name}'");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static List<(string Value, string Text)> Options(string html) =>
        [.. OptionPattern().Matches(html).Select(m => (m.Groups["value"].Value, m.Groups["text"].Value.Trim()))];

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\"[^>]*>(?<text>[^<]*)</option>")]
    private static partial Regex OptionPattern();

    [GeneratedRegex("<optgroup label=\"(?<label>[^\"]*)\">(?<options>.*?)</optgroup>", RegexOptions.Singleline)]
    private static partial Regex Groups();
}
