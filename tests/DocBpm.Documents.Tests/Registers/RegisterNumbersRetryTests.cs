using DocBpm.Documents.Registers;
using DocBpm.Documents.Tests.Infrastructure;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DocBpm.Documents.Tests.Registers;

/// <summary>
/// NĐ30 art. 15 under a lost race, made deterministic: the step itself raises the conflict its SaveChanges would, on the
/// attempts chosen, instead of hoping two threads collide.
/// </summary>
[TestClass]
public sealed class RegisterNumbersRetryTests
{
    private const int Year = 2026;

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article15_a_step_that_lost_a_race_runs_again_and_takes_the_number_its_lost_attempt_gave_back(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var step = new LosingStep(losses: 1, attempt => new DbUpdateConcurrencyException($"attempt {attempt} lost"));
        var log = new RecordingLogger();

        var number = await host.InScopeAsync(sp =>
        {
            var numbers = new RegisterNumbers(sp.GetRequiredService<DbContext>(), host.Clock, log);
            return numbers.RetryOnConflictAsync(ct => step.RunAsync(sp, numbers, ct), CancellationToken.None);
        });

        Assert.AreEqual(2, step.Attempts, "the lost attempt ran again");
        Assert.AreEqual(LogLevel.Information, log.Entries.Single(e => e.Message.Contains("attempt 1 lost", StringComparison.Ordinal)).Level,
            "a lost race is logged as information");
        Assert.AreEqual(2, log.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("took number 1", StringComparison.Ordinal)),
            "each number taken is traced, the rolled-back one too");
        Assert.AreEqual(1, number, "the lost attempt's number was rolled back, not burnt");
        CollectionAssert.AreEqual(new[] { 1 }, await NumbersAsync(host), "the lost attempt's record is not stored beside the new one");
        Assert.AreEqual(1, await LastNumberAsync(host));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article15_an_engine_step_conflict_is_retried_like_a_database_one(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var step = new LosingStep(losses: 2, _ => new ConcurrencyConflictException(Guid.CreateVersion7(), new InvalidOperationException()));

        var number = await host.InScopeAsync(sp => Numbers(sp).RetryOnConflictAsync(ct => step.RunAsync(sp, ct), CancellationToken.None));

        Assert.AreEqual((3, 1), (step.Attempts, number));
        CollectionAssert.AreEqual(new[] { 1 }, await NumbersAsync(host));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article15_a_step_that_keeps_losing_is_reported_after_its_attempts_and_takes_no_number(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var always = new LosingStep(losses: int.MaxValue, attempt => new DbUpdateConcurrencyException($"attempt {attempt} lost"));
        var twice = new LosingStep(losses: int.MaxValue, attempt => new DbUpdateConcurrencyException($"attempt {attempt} lost"));

        var error = await Assert.ThrowsExactlyAsync<DbUpdateConcurrencyException>(() => host.InScopeAsync(sp =>
            Numbers(sp).RetryOnConflictAsync(ct => always.RunAsync(sp, ct), CancellationToken.None)));
        await Assert.ThrowsExactlyAsync<DbUpdateConcurrencyException>(() => host.InScopeAsync(sp =>
            Numbers(sp).RetryOnConflictAsync(ct => twice.RunAsync(sp, ct), CancellationToken.None, attempts: 2)));

        Assert.AreEqual(RegisterNumbers.DefaultAttempts, always.Attempts);
        Assert.AreEqual($"attempt {RegisterNumbers.DefaultAttempts} lost", error.Message, "the last attempt's conflict is reported");
        Assert.AreEqual(2, twice.Attempts);
        Assert.AreEqual(0, await LastNumberAsync(host));
        Assert.AreEqual(0, (await NumbersAsync(host)).Count);
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article15_a_step_failing_for_another_reason_runs_once_and_takes_no_number(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var step = new LosingStep(losses: 1, _ => new InvalidOperationException("the step is wrong, not late"));

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => host.InScopeAsync(sp =>
            Numbers(sp).RetryOnConflictAsync(ct => step.RunAsync(sp, ct), CancellationToken.None)));

        Assert.AreEqual(1, step.Attempts);
        Assert.AreEqual(0, await LastNumberAsync(host));
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Decree30_Article15_inside_the_caller_s_transaction_the_step_runs_once_and_its_number_is_the_caller_s_to_commit(DatabaseProvider provider)
    {
        await using var host = await DocumentsTestHost.StartAsync(provider);
        var losing = new LosingStep(losses: 1, attempt => new DbUpdateConcurrencyException($"attempt {attempt} lost"));
        var winning = new LosingStep(losses: 0, _ => new InvalidOperationException());

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Assert.ThrowsExactlyAsync<DbUpdateConcurrencyException>(() =>
                Numbers(sp).RetryOnConflictAsync(ct => losing.RunAsync(sp, ct), CancellationToken.None));
            Assert.AreEqual(1, losing.Attempts, "the caller retries, not the step");
            db.ChangeTracker.Clear();

            Assert.AreEqual(2, await Numbers(sp).RetryOnConflictAsync(ct => winning.RunAsync(sp, ct), CancellationToken.None));
            Assert.AreSame(transaction, db.Database.CurrentTransaction, "the step did not end the caller's transaction");
            await transaction.RollbackAsync();
            return true;
        });

        Assert.AreEqual(0, await LastNumberAsync(host), "the caller rolled back, so no number exists");
    }

    private static RegisterNumbers Numbers(IServiceProvider services) => services.GetRequiredService<RegisterNumbers>();

    private static Task<List<int>> NumbersAsync(DocumentsTestHost host) => RegisterNumbersTests.NumbersAsync(host, RegisterBookSeed.Incoming);

    private static Task<int> LastNumberAsync(DocumentsTestHost host) => RegisterNumbersTests.LastNumberAsync(host, RegisterBookSeed.Incoming);

    /// <summary>
    /// A registering step (allocate, record, save) whose first <c>losses</c> attempts fail the way its SaveChanges would on
    /// a lost race: after the number is taken and the record added, before anything is saved.
    /// </summary>
    private sealed class LosingStep(int losses, Func<int, Exception> conflict)
    {
        public int Attempts { get; private set; }

        public Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
            RunAsync(services, Numbers(services), cancellationToken);

        public async Task<int> RunAsync(IServiceProvider services, RegisterNumbers numbers, CancellationToken cancellationToken)
        {
            var attempt = ++Attempts;
            var number = await numbers.AllocateAsync(RegisterBookSeed.Incoming, Year, cancellationToken);
            var db = services.GetRequiredService<DbContext>();
            db.Add(new NumberedRecord { Id = Guid.CreateVersion7(), BookId = number.BookId, Year = number.Year, Number = number.Value });
            if (attempt <= losses)
                throw conflict(attempt);
            await db.SaveChangesAsync(cancellationToken);
            return number.Value;
        }
    }

    private sealed class RecordingLogger : ILogger<RegisterNumbers>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
