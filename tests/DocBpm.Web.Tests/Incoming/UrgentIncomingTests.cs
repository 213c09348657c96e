using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Tests.Incoming;

/// <summary>Article 6.2: an urgent incoming document is registered and presented right after receipt, in clock hours.</summary>
[TestClass]
public sealed class UrgentIncomingTests
{
    [TestMethod]
    public async Task Article6_2_a_flash_document_received_on_Sunday_10_16_escalates_to_the_office_chief_at_12_16_not_on_Monday()
    {
        await using var host = await DocBpmWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        host.Clock.SetUtcNow(VietnamTime.At(2026, 12, 6, 10, 16).ToUniversalTime()); // a Sunday
        var clerk = await host.LoginAsync("vanthu");
        var flash = await clerk.UploadAsync(host, "Công điện về phòng chống bão", "Flash");
        var normal = await clerk.UploadAsync(host, "Công văn thường");

        var check = (await clerk.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Single(t => (string?)t!["businessKey"] == flash.ToString())!;
        Assert.AreEqual(VietnamTime.At(2026, 12, 6, 12, 16), (DateTimeOffset)check["dueDate"]!, "two clock hours, on a Sunday too");

        Assert.AreEqual(0, await EscalationsAsync(host, VietnamTime.At(2026, 12, 6, 12, 15)), "not before the two hours");
        Assert.AreEqual(1, await EscalationsAsync(host, VietnamTime.At(2026, 12, 6, 12, 17)), "the office chief is told at 12:16");
        clerk = await host.LoginAsync("vanthu");
        var history = (await clerk.DetailAsync(flash))["history"]!.AsArray();
        Assert.AreEqual("urgent-overdue", (string?)history[^1]!["action"], "the history says it was late");
        Assert.AreEqual(0, (await clerk.DetailAsync(normal))["history"]!.AsArray().Count(h => (string?)h!["action"] == "urgent-overdue"),
            "an ordinary document has no clock");

        await clerk.RegisterAsync(flash, urgency: "Flash");
        Assert.AreEqual(1, await EscalationsAsync(host, VietnamTime.At(2026, 12, 6, 14, 16)), "the Director's two hours run from the registration");
        Assert.AreEqual(2, await EscalationsAsync(host, VietnamTime.At(2026, 12, 6, 14, 18)), "the Director's step is late too");
        Assert.AreEqual(2, await EscalationsAsync(host, VietnamTime.At(2026, 12, 8, 9, 0)), "nothing for the ordinary document, even days later");
    }

    /// <summary>The office chief's escalation items once the due work up to <paramref name="at"/> has run.</summary>
    private static async Task<int> EscalationsAsync(DocBpmWebFactory host, DateTimeOffset at)
    {
        host.Clock.SetUtcNow(at.ToUniversalTime());
        await host.RunDueWorkAsync();
        var chief = await host.LoginAsync("chanhvanphong");
        return (await chief.GetFromJsonAsync<JsonArray>("/api/tasks/mine"))!.Count(t => (string?)t!["elementId"] == "EscalateUrgent");
    }
}
