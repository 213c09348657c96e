using System.Net;
using System.Net.Http.Json;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Data;
using DocBpm.Web.Tests.Hardening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using static DocBpm.Web.Tests.Outgoing.OutgoingClient;

namespace DocBpm.Web.Tests.Outgoing;

/// <summary>Two hand-overs of one waiting signature at the same instant (Article 9.2a): one wins, the other is a lost race.</summary>
[TestClass]
public sealed class SignHandoverRaceTests
{
    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Article9_2a_two_handovers_of_one_waiting_signature_at_once_one_wins_the_other_is_409_logged_as_information(
        DatabaseProvider provider)
    {
        var saves = new HeldSaves(2);
        var logs = new CapturedLogs();
        await using var host = await DocBpmWebFactory.CreateAsync(provider);
        host.TestServices.Add(services =>
        {
            services.ConfigureDbContext<SqliteDocBpmDbContext>(o => o.AddInterceptors(saves));
            services.ConfigureDbContext<PostgreSqlDocBpmDbContext>(o => o.AddInterceptors(saves));
            services.AddSingleton<ILoggerProvider>(logs);
        });
        OutgoingPeople.UseTestKeys(host, OutgoingPeople.Wednesday);
        var people = await OutgoingPeople.StartAsync(host);
        var chief = await host.LoginAsync("chanhvanphong");
        var id = await people.Drafter.CreateOutgoingAsync(new
        {
            typeCode = "CV", subject = "Về việc tổ chức hội giảng", recipients = new object[] { new { kind = "Unit", code = "TCCB" } },
        });
        await people.Drafter.UploadAsync(id, "du-thao.pdf", Pdf("dự thảo"));
        await people.Drafter.StepAsync(id, "submit", new { reviewers = Array.Empty<string>() });
        await people.Head.StepAsync(id, "approve");

        saves.Armed = true;
        var answers = await Task.WhenAll(
            people.Deputy.PostAsJsonAsync($"/api/outgoing/{id}/sign/handover", new { leader = "giamdoc", reason = "Đi công tác" }),
            chief.PostAsJsonAsync($"/api/outgoing/{id}/sign/handover", new { leader = "giamdoc", reason = "Phó Giám đốc vắng" }));
        saves.Armed = false;

        CollectionAssert.AreEquivalent(new[] { HttpStatusCode.NoContent, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).ToArray(),
            string.Join(" | ", await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()))));
        await AssertProblemAsync(answers.Single(a => a.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, "Không có thay đổi nào được lưu");
        Assert.IsTrue(logs.Lines.Any(l => l.Level == LogLevel.Information && l.Message.Contains("refused with 409", StringComparison.Ordinal)),
            "the lost race is an information line");
        // EF Core itself reports the failed command of the loser (on PostgreSQL the journal's step key) as an error; DocBpm does not.
        Assert.IsFalse(logs.Lines.Any(l => l.Level >= LogLevel.Error && !l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)),
            "and no error of DocBpm's own");
        var page = await people.Drafter.PageAsync(id);
        Assert.AreEqual(1, page["history"]!.AsArray().Count(h => (string?)h!["action"] == "SigningHandedOver"), "the history keeps the winner alone");
        Assert.AreEqual("giamdoc", (string?)page["signingLeader"]);
        var director = await host.LoginAsync("giamdoc");
        Assert.AreEqual(id.ToString(), (string?)(await director.MyTaskAsync("Sign"))["businessKey"], "the Sign task waits for the Director");
    }

    /// <summary>
    /// Holds every save of a changed outgoing document while <see cref="Armed"/> until <paramref name="expected"/> of them
    /// wait, so that the racing requests have all read the document before any of them writes.
    /// </summary>
    private sealed class HeldSaves(int expected) : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource together = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int arrived;

        public bool Armed { get; set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<OutgoingDocument>().Any(e => e.State == EntityState.Modified))
            {
                if (Interlocked.Increment(ref arrived) >= expected)
                    together.TrySetResult();
                await together.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
            }

            return await base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
