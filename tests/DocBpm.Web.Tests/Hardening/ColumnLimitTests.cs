using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>A NUL or a value over its column is a 400 naming the field, never a database error, and nothing is stored.</summary>
[TestClass]
public sealed class ColumnLimitTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task A_nul_or_an_over_long_value_is_refused_naming_the_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var factory = await DocBpmWebFactory.CreateAsync(provider);
        var admin = await factory.LoginAsync("quantri");

        var nul = await admin.PutAsJsonAsync("/api/calendar/days/2026-12-24", new { kind = "Holiday", name = "Nghỉ\u0000bù" });
        var tooLong = await admin.PutAsJsonAsync("/api/calendar/days/2026-12-24", new { kind = "Holiday", name = "Nghỉ bù", source = new string('x', 5000) });
        var nulQuery = await admin.GetAsync("/api/definitions?key=a%00b");
        var days = (await admin.GetFromJsonAsync<JsonArray>("/api/calendar/days?year=2026"))!;

        Assert.AreEqual(HttpStatusCode.BadRequest, nul.StatusCode);
        StringAssert.Contains((string?)(await nul.Content.ReadFromJsonAsync<JsonObject>())!["detail"], "CalendarDay.Name");
        Assert.AreEqual(HttpStatusCode.BadRequest, tooLong.StatusCode);
        StringAssert.Contains((string?)(await tooLong.Content.ReadFromJsonAsync<JsonObject>())!["detail"], "'CalendarDay.Source' dài 5000 ký tự, vượt quá giới hạn 400 ký tự");
        Assert.AreEqual(HttpStatusCode.BadRequest, nulQuery.StatusCode);
        Assert.IsFalse(days.Any(d => (string?)d!["date"] == "2026-12-24"), "nothing was stored");
    }
}
