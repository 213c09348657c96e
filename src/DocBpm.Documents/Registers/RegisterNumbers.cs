using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Documents.Registers;

/// <summary>
/// The one number allocator of every register book (NĐ30 art. 15 and 22): per book and year, from 1 on 1 January
/// (Vietnam time), unique, never reused and without gaps.
/// <para>
/// Why optimistic concurrency: the engine stores a whole step with one SaveChanges and no explicit transaction, so a
/// number must be part of that same unit of work. <see cref="AllocateAsync(Guid, int, CancellationToken)"/> only
/// increments the tracked counter row; the caller's SaveChanges writes it together with the caller's record, as
/// <c>UPDATE … SET LastNumber = k+1 WHERE … AND LastNumber = k</c>. If another transaction took k+1 first, nothing is
/// written and EF raises <see cref="DbUpdateConcurrencyException"/> (the engine's ConcurrencyConflictException):
/// the whole step is discarded and run again (<see cref="RetryOnConflictAsync{T}"/>). A step that fails or rolls back
/// takes its increment with it, so no number is burnt. Inside an explicit transaction the same holds: PostgreSQL makes
/// the second writer wait for the first one's commit or rollback, SQLite serialises write transactions.
/// </para>
/// </summary>
public sealed partial class RegisterNumbers(DbContext db, TimeProvider time, ILogger<RegisterNumbers> logger)
{
    /// <summary>Enough for every writer of a burst to win once: each round of conflicts has one winner.</summary>
    public const int DefaultAttempts = 20;

    // Creating the year's row is idempotent and standalone: a zero counter burns no number, and concurrent first
    // allocations then all race on the UPDATE above instead of failing on a duplicate key.
    private const string EnsureCounterSql =
        "INSERT INTO " + RegistersModel.CounterTable + " (\"BookId\", \"Year\", \"LastNumber\") VALUES ({0}, {1}, 0) ON CONFLICT DO NOTHING";

    private const string EnsureCounterSqlServer =
        "IF NOT EXISTS (SELECT 1 FROM " + RegistersModel.CounterTable + " WITH (UPDLOCK, HOLDLOCK) WHERE [BookId] = {0} AND [Year] = {1}) "
        + "INSERT INTO " + RegistersModel.CounterTable + " ([BookId], [Year], [LastNumber]) VALUES ({0}, {1}, 0)";

    /// <summary>The register year of an instant: the calendar year in Vietnam.</summary>
    public static int YearOf(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, VietnamTime.Zone).Year;

    /// <summary>Allocates the next number of the current (Vietnam) year.</summary>
    public Task<RegisterNumber> AllocateAsync(Guid bookId, CancellationToken cancellationToken) =>
        AllocateAsync(bookId, YearOf(time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Reserves the next number of <paramref name="bookId"/> in <paramref name="year"/> in the caller's unit of work:
    /// it exists once the caller's SaveChanges (and transaction, if any) commits, and never otherwise.
    /// </summary>
    public async Task<RegisterNumber> AllocateAsync(Guid bookId, int year, CancellationToken cancellationToken)
    {
        var book = await db.Set<RegisterBook>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookId, cancellationToken)
            ?? throw new RegisterBookNotFoundException(bookId);
        if (!book.IsActive)
            throw new RegisterBookInactiveException(book);

        var counters = db.Set<RegisterCounter>();
        var counter = counters.Local.FirstOrDefault(c => c.BookId == bookId && c.Year == year);
        if (counter is null)
        {
            await EnsureCounterAsync(bookId, year, cancellationToken);
            counter = await counters.SingleAsync(c => c.BookId == bookId && c.Year == year, cancellationToken);
        }

        counter.LastNumber++;
        LogAllocated(book.Code, year, counter.LastNumber);
        return new RegisterNumber(bookId, year, counter.LastNumber);
    }

    /// <summary>
    /// Runs a whole step (load, allocate, save, commit) again when it lost a race for a number or a row, starting each
    /// attempt from an empty change tracker. Anything else fails at once.
    /// </summary>
    public async Task<T> RetryOnConflictAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken,
        int attempts = DefaultAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await step(cancellationToken);
            }
            catch (Exception ex) when (attempt < attempts && IsConflict(ex))
            {
                db.ChangeTracker.Clear();
                LogRetry(attempt);
            }
        }
    }

    private static bool IsConflict(Exception exception) =>
        exception is DbUpdateConcurrencyException || exception.InnerException is DbUpdateConcurrencyException;

    private Task<int> EnsureCounterAsync(Guid bookId, int year, CancellationToken cancellationToken)
    {
        var sql = db.Database.ProviderName?.EndsWith(".SqlServer", StringComparison.Ordinal) == true ? EnsureCounterSqlServer : EnsureCounterSql;
        return db.Database.ExecuteSqlRawAsync(sql, [bookId, year], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Register {Book} {Year}: reserved number {Number}")]
    private partial void LogAllocated(string book, int year, int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "A register number was taken concurrently; running the step again (attempt {Attempt} lost)")]
    private partial void LogRetry(int attempt);
}
