using DocBpm.Edxml;
using DocBpm.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Exchange;

/// <summary>
/// Keeps the attempts and last error of packages whose handling failed, so that one package that cannot be taken in
/// does not hold back the packages after it; each record is written on its own, after the failed package was rolled back.
/// </summary>
public sealed partial class IntakeFailures(DbContext db, TimeProvider time, IOptions<IntakeOptions> options, ILogger<IntakeFailures> logger)
{
    private const int MaxErrorLength = 4000;

    /// <summary>The packages among <paramref name="packageIds"/> that wait for an administrator and are not retried.</summary>
    public async Task<HashSet<Guid>> SetAsideAsync(IReadOnlyCollection<Guid> packageIds, CancellationToken cancellationToken) =>
        [.. await db.Set<IntakeFailure>().AsNoTracking()
            .Where(f => packageIds.Contains(f.PackageId) && f.SetAsideAt != null && f.ResolvedAt == null)
            .Select(f => f.PackageId).ToListAsync(cancellationToken)];

    /// <summary>An open failure, for an administrator's decision.</summary>
    public async Task<IntakeFailure> OpenAsync(Guid packageId, CancellationToken cancellationToken) =>
        await db.Set<IntakeFailure>().FirstOrDefaultAsync(f => f.PackageId == packageId && f.ResolvedAt == null, cancellationToken)
        ?? throw new DocumentRefusedException(RefusalKind.NotFound, "Không tìm thấy gói tin",
            "Không có gói tin không tiếp nhận được nào với mã này (có thể đã được xử lý).", $"No open intake failure for package {packageId}.");

    /// <summary>
    /// Counts a failed attempt; the last allowed one sets the package aside, and so does a package DocBpm will not take in
    /// as it is (<see cref="IntakeSetAsideException"/>). Returns the record.
    /// </summary>
    public async Task<IntakeFailure> RecordAsync(PendingPackage package, Exception error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var failure = await FindOrAddAsync(package, now, cancellationToken);
        var message = $"{error.GetType().Name}: {error.Message}";
        failure.LastError = Truncate(message);
        failure.Cause = IntakeFailureCauses.Of(error);
        failure.InnerError = error.GetBaseException() is { } inner && inner != error ? Truncate($"{inner.GetType().Name}: {inner.Message}") : null;
        failure.LastFailedAt = now;
        failure.Attempts++;
        LogFailed(package.PackageId, package.SenderCode, package.DocumentId, failure.Attempts, failure.LastError);
        if (failure.SetAsideAt is null && (failure.Attempts >= options.Value.MaxAttempts || error is IntakeSetAsideException))
        {
            failure.SetAsideAt = now;
            LogSetAside(package.PackageId, package.SenderCode, failure.Attempts);
        }

        await db.SaveChangesAsync(cancellationToken);
        return failure;
    }

    /// <summary>
    /// A package refused with status 02 for who sent it or what it is: recorded as resolved, in the caller's transaction,
    /// so that the administrators see it beside the failures.
    /// </summary>
    public async Task RefusedAsync(PendingPackage package, IntakeFailureCause cause, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        var failure = await FindOrAddAsync(package, now, cancellationToken);
        failure.LastError = Truncate(reason);
        failure.Cause = cause;
        failure.LastFailedAt = now;
        failure.Attempts++;
        Resolve(failure, IntakeFailureResolution.Refused, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<IntakeFailure> FindOrAddAsync(PendingPackage package, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failure = await db.Set<IntakeFailure>().FirstOrDefaultAsync(f => f.PackageId == package.PackageId, cancellationToken);
        if (failure is null)
        {
            failure = new IntakeFailure
            {
                PackageId = package.PackageId,
                Kind = package.Kind,
                SenderCode = package.SenderCode,
                DocumentId = package.DocumentId,
                ArrivedAt = package.ReceivedAt.ToUniversalTime(),
                Size = package.Size,
                LastError = "",
                FirstFailedAt = now,
            };
            db.Set<IntakeFailure>().Add(failure);
        }

        return failure;
    }

    private static string Truncate(string text) => text.Length > MaxErrorLength ? text[..MaxErrorLength] : text;

    /// <summary>A package that failed before was taken in (by a later sweep or an administrator's retry).</summary>
    public async Task TakenInAsync(Guid packageId, string? actor, CancellationToken cancellationToken)
    {
        var failure = await db.Set<IntakeFailure>().FirstOrDefaultAsync(f => f.PackageId == packageId && f.ResolvedAt == null, cancellationToken);
        if (failure is null)
            return;
        Resolve(failure, IntakeFailureResolution.TakenIn, actor);
        await db.SaveChangesAsync(cancellationToken);
        LogTakenIn(packageId, failure.Attempts);
    }

    /// <summary>Records an administrator's dismissal; the caller acknowledged the package at the axis already.</summary>
    public async Task DismissedAsync(IntakeFailure failure, string reason, string? actor, CancellationToken cancellationToken)
    {
        Resolve(failure, IntakeFailureResolution.Dismissed, actor);
        failure.DismissReason = reason;
        await db.SaveChangesAsync(cancellationToken);
        LogDismissed(failure.PackageId, actor ?? "?", reason);
    }

    private void Resolve(IntakeFailure failure, IntakeFailureResolution resolution, string? actor)
    {
        failure.ResolvedAt = time.GetUtcNow().ToUniversalTime();
        failure.Resolution = resolution;
        failure.ResolvedBy = actor;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Package {PackageId} from {Sender} ({DocumentId}) could not be taken in (attempt {Attempt}): {Error}")]
    private partial void LogFailed(Guid packageId, string sender, string documentId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Package {PackageId} from {Sender} set aside after {Attempts} attempts; an administrator must retry or dismiss it")]
    private partial void LogSetAside(Guid packageId, string sender, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Package {PackageId} taken in after {Attempts} failed attempts")]
    private partial void LogTakenIn(Guid packageId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Package {PackageId} dismissed by {Actor}: {Reason}")]
    private partial void LogDismissed(Guid packageId, string actor, string reason);
}
