using System.Net.Http.Json;
using DocBpm.Documents.Tests.Signatures;
using DocBpm.Engine.Timers;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>
/// The people of an outgoing document in the demo department, signed in: a GDTrH officer drafts, a KHTC officer gives
/// an opinion, the GDTrH head checks, a deputy signs (with a configured key), a clerk issues.
/// </summary>
public sealed record OutgoingPeople(HttpClient Drafter, HttpClient Reviewer, HttpClient Head, HttpClient Deputy, HttpClient Clerk, DocBpmWebFactory Host)
{
    /// <summary>The admin registers the deputy and the agency as signers with authority (Article 4), then everybody signs in.</summary>
    public static async Task<OutgoingPeople> StartAsync(DocBpmWebFactory host)
    {
        var admin = await host.LoginAsync("quantri");
        await OutgoingClient.Ok(await admin.PostAsJsonAsync("/api/signatures/authorities",
            new { kind = "Person", name = "Lương Thị Hoa", subjectIdentifier = "CCCD:020085005678", position = "Phó Giám đốc" }));
        await OutgoingClient.Ok(await admin.PostAsJsonAsync("/api/signatures/authorities",
            new { kind = "Person", name = "Hoàng Văn Minh", subjectIdentifier = "CCCD:020080001234", position = "Giám đốc" }));
        await OutgoingClient.Ok(await admin.PostAsJsonAsync("/api/signatures/authorities",
            new { kind = "Organisation", name = "Sở Giáo dục và Đào tạo Lạng Sơn", subjectIdentifier = "MNS:1234567", agencyCode = AxisServer.Department }));
        return await SignInAsync(host);
    }

    /// <summary>Everybody signs in (again: a sign-in does not outlast a weekend).</summary>
    public static async Task<OutgoingPeople> SignInAsync(DocBpmWebFactory host) =>
        new(await host.LoginAsync("chuyenvien"), await host.LoginAsync("chuyenvien.khtc"),
            await host.LoginAsync("truongphong.gdtrh"), await host.LoginAsync("phogiamdoc1"), await host.LoginAsync("vanthu"), host);

    /// <summary>
    /// Signing keys and trust as an administrator configures them (the Director's and a deputy's personal keys, the
    /// agency's key), from a
    /// moment within the test CRLs' validity.
    /// </summary>
    public static void UseTestKeys(DocBpmWebFactory host, DateTimeOffset start)
    {
        host.Clock.SetUtcNow(start.ToUniversalTime());
        var pki = TestPki.Instance;
        host.Settings["Signatures:Keys:phogiamdoc1:Path"] = pki.Pkcs12(pki.Deputy, "pw");
        host.Settings["Signatures:Keys:phogiamdoc1:Password"] = "pw";
        host.Settings["Signatures:Keys:giamdoc:Path"] = pki.Pkcs12(pki.Director, "pw");
        host.Settings["Signatures:Keys:giamdoc:Password"] = "pw";
        host.Settings["Signatures:Keys:agency:Path"] = pki.Pkcs12(pki.Agency, "pw");
        host.Settings["Signatures:Keys:agency:Password"] = "pw";
        host.Settings["Signatures:TrustAnchors:0"] = pki.RootFile;
        for (var i = 0; i < pki.CrlFiles.Count; i++)
            host.Settings[$"Signatures:CrlFiles:{i}"] = pki.CrlFiles[i];
    }

    public static readonly DateTimeOffset Wednesday = VietnamTime.At(2026, 11, 25, 8, 0);

    /// <summary>From upload to the clerk: submitted without reviewers, approved by the head, signed by the deputy.</summary>
    public async Task ToClerkAsync(Guid id, string version)
    {
        await Drafter.UploadAsync(id, "du-thao.pdf", OutgoingClient.Pdf(version));
        await Drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        await Head.StepAsync(id, "approve");
        await Deputy.StepAsync(id, "sign");
        await Host.RunDueWorkAsync();
    }

    /// <summary>The clerk issues; the agency signature, the dispatch and its delivery run as the scheduler would.</summary>
    public async Task<System.Text.Json.Nodes.JsonNode> IssueAsync(Guid id)
    {
        var issued = (await OutgoingClient.Ok(await Clerk.PostAsync($"/api/outgoing/{id}/issue", null)))!;
        await Host.RunDueWorkAsync();
        await Host.RunDueWorkAsync();
        return issued;
    }
}
