using DocBpm.Engine.Runtime;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocBpm.Documents.Registers;

/// <summary>
/// The one number allocator of every register book (NĐ30 art. 15 and 22): per book and year, from 1 on 1 January
/// (Vietnam time), unique, never reused and without gaps.
/// <para>
/// Why a transaction and a row lock: a number must exist exactly when the caller's record does. The allocation is one
/// statement (an upsert of the book-year counter row that returns the new value) executed inside the caller's explicit
/// transaction, which the engine's single SaveChanges then joins (<see cref="RetryOnConflictAsync{T}"/> opens and
/// commits it). The updated row stays locked until that transaction ends, so a concurrent allocator of the same book
/// and year waits (PostgreSQL, SQL Server row lock; SQLite serialises write transactions) and then sees the committed
/// value; if the step fails, the rollback takes the increment with it, so no number is burnt and none repeats. An
/// optimistic counter was tried first and dropped: batched with the caller's INSERT, a lost race surfaces as the
/// caller's duplicate-key error instead of a concurrency conflict. Allocate late in a step: the lock is held until
/// commit.
/// </para>
/// </summary>
public sealed partial class RegisterNumbers(DbContext db, TimeProvider time, ILogger<RegisterNumbers> logger)
{
    /// <summary>Attempts of a step that keeps losing races for its rows before the conflict is reported.</summary>
    public const int DefaultAttempts = 5;

    private const string Table = RegistersModel.CounterTable;

    private const string NextSql =
        "INSERT INTO " + Table + " (\"BookId\", \"Year\", \"LastNumber\") VALUES ({0}, {1}, 1) "
        + "ON CONFLICT (\"BookId\", \"Year\") DO UPDATE SET \"LastNumber\" = " + Table + ".\"LastNumber\" + 1 "
        + "RETURNING \"LastNumber\" AS \"Value\"";

    private const string NextSqlServer =
        "MERGE " + Table + " WITH (HOLDLOCK) AS c USING (SELECT {0} AS BookId, {1} AS Year) AS s "
        + "ON c.BookId = s.BookId AND c.Year = s.Year "
        + "WHEN MATCHED THEN UPDATE SET LastNumber = c.LastNumber + 1 "
        + "WHEN NOT MATCHED THEN INSERT (BookId, Year, LastNumber) VALUES (s.BookId, s.Year, 1) "
        + "OUTPUT inserted.LastNumber AS Value;";

    /// <summary>The register year of an instant: the calendar year in Vietnam.</summary>
    public static int YearOf(DateTimeOffset instant) => VietnamTime.ToLocal(instant).Year;

    /// <summary>Allocates the next number of the current (Vietnam) year.</summary>
    public Task<RegisterNumber> AllocateAsync(Guid bookId, CancellationToken cancellationToken) =>
        AllocateAsync(bookId, YearOf(time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Takes the next number of <paramref name="bookId"/> in <paramref name="year"/> inside the caller's open
    /// transaction: it exists once that transaction commits, and never otherwise. Without an open transaction the number
    /// could outlive a failed step, so that is refused as a programming error.
    /// </summary>
    public async Task<RegisterNumber> AllocateAsync(Guid bookId, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Register numbers are allocated inside a transaction: run the step in RegisterNumbers.RetryOnConflictAsync.");
        var book = await db.Set<RegisterBook>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookId, cancellationToken)
            ?? throw new RegisterBookNotFoundException(bookId);
        if (!book.IsActive)
            throw new RegisterBookInactiveException(book);

        var sql = db.Database.ProviderName?.EndsWith(".SqlServer", StringComparison.Ordinal) == true ? NextSqlServer : NextSql;
        var next = (await db.Database.SqlQueryRaw<int>(sql, bookId, year).ToListAsync(cancellationToken)).Single();
        LogAllocated(book.Code, year, next);
        return new RegisterNumber(bookId, year, next);
    }

    /// <summary>
    /// Runs a step that allocates numbers (load, allocate, SaveChanges — the engine's step included) in one transaction
    /// and commits it; a step that throws is rolled back whole, numbers included. A step that lost a race for its own
    /// rows (the engine's ConcurrencyConflictException, EF's DbUpdateConcurrencyException) runs again from an empty
    /// change tracker, up to <paramref name="attempts"/> times. Inside a transaction the caller opened already, the step
    /// joins it and runs once: its commit, and any retry, are the caller's.
    /// </summary>
    public async Task<T> RetryOnConflictAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken,
        int attempts = DefaultAttempts)
    {
        if (db.Database.CurrentTransaction is not null)
            return await step(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await step(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (attempt < attempts && IsConflict(ex))
            {
                db.ChangeTracker.Clear();
                LogRetry(attempt);
            }
        }
    }

    private static bool IsConflict(Exception exception) =>
        exception is ConcurrencyConflictException or DbUpdateConcurrencyException;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Register {Book} {Year}: took number {Number}, pending the transaction's commit")]
    private partial void LogAllocated(string book, int year, int number);

    [LoggerMessage(Level = LogLevel.Information, Message = "A numbering step lost a race for its rows; running it again (attempt {Attempt} lost)")]
    private partial void LogRetry(int attempt);
}
