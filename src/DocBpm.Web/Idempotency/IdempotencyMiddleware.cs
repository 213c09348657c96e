using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Idempotency;

/// <summary>
/// Runs an <see cref="IdempotentAction"/> sent with a key once. The key is added to the request's DbContext before the
/// action runs, so the action's own SaveChanges stores it with the record it creates: a second request under the key that
/// races the first fails on the key's primary key and stores nothing (409). The answer is added once the action succeeded.
/// </summary>
public sealed partial class IdempotencyMiddleware(RequestDelegate next, TimeProvider time, ILogger<IdempotencyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, DbContext db)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAction>() is null
            || !context.Request.Headers.TryGetValue(IdempotencyKeys.Header, out var header)
            || context.User.Identity?.Name is not { } user)
        {
            await next(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        if (IdempotencyKeys.Refusal(header.ToString()) is { } refusal)
        {
            await TypedResults.ValidationProblem(refusal).ExecuteAsync(context);
            return;
        }

        var key = $"{user}:{header}";
        var fingerprint = await IdempotencyKeys.FingerprintAsync(context.Request, cancellationToken);
        if (await IdempotencyKeys.EarlierAsync(db, key, cancellationToken) is { } earlier)
        {
            await AnswerAgainAsync(context, earlier, fingerprint);
            return;
        }

        var request = new IdempotentRequest { Key = key, Fingerprint = fingerprint, At = time.GetUtcNow() };
        db.Add(request);
        var original = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode is >= 200 and < 300)
            await KeepAsync(db, request, context.Response, answer.ToArray(), cancellationToken);
        else
            await ForgetAsync(db, request, cancellationToken);
        answer.Position = 0;
        await answer.CopyToAsync(original, cancellationToken);
    }

    private async Task AnswerAgainAsync(HttpContext context, IdempotentRequest earlier, string fingerprint)
    {
        var path = context.Request.Path.Value;
        if (earlier.Fingerprint != fingerprint)
        {
            LogKeyReused(path);
            await TypedResults.Problem("Khóa chống lặp (Idempotency-Key) này đã được dùng cho một yêu cầu khác. Không có thay đổi nào được lưu; "
                + "hãy dùng khóa mới cho yêu cầu mới.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Khóa chống lặp đã dùng")
                .ExecuteAsync(context);
            return;
        }

        if (earlier.Status is not { } status)
        {
            LogStillRunning(path);
            await TypedResults.Problem("Yêu cầu với khóa chống lặp này đang được xử lý hoặc chưa rõ kết quả. Hãy tải lại để kiểm tra trước khi gửi lại.",
                statusCode: StatusCodes.Status409Conflict, title: "Yêu cầu đang được xử lý").ExecuteAsync(context);
            return;
        }

        LogReplayed(path, status);
        context.Response.StatusCode = status;
        context.Response.ContentType = earlier.ContentType;
        if (earlier.Location is not null)
            context.Response.Headers.Location = earlier.Location;
        if (earlier.Body is { Length: > 0 } body)
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>
    /// Adds the answer to the key. The action normally stored the key with its record; when it did not (it saved nothing
    /// through this context, or cleared its change tracker), the key is stored now with the answer.
    /// </summary>
    private static async Task KeepAsync(DbContext db, IdempotentRequest request, HttpResponse response, byte[] body, CancellationToken cancellationToken)
    {
        request.Status = response.StatusCode;
        request.ContentType = response.ContentType;
        request.Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
        request.Body = body;
        var stored = await db.Set<IdempotentRequest>().Where(r => r.Key == request.Key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, request.Status).SetProperty(r => r.ContentType, request.ContentType)
            .SetProperty(r => r.Location, request.Location).SetProperty(r => r.Body, request.Body), cancellationToken);
        var entry = db.Entry(request);
        if (stored > 0)
        {
            entry.State = EntityState.Detached;
            return;
        }

        if (entry.State == EntityState.Detached)
            db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A refusal keeps no key, so the client's retry runs again.</summary>
    private static async Task ForgetAsync(DbContext db, IdempotentRequest request, CancellationToken cancellationToken)
    {
        if (db.Entry(request).State == EntityState.Added)
        {
            db.Entry(request).State = EntityState.Detached;
            return;
        }

        await db.Set<IdempotentRequest>().Where(r => r.Key == request.Key).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: answered again the first request sent with the same Idempotency-Key ({Status})")]
    private partial void LogReplayed(string? path, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: an Idempotency-Key already used for another request was refused (422)")]
    private partial void LogKeyReused(string? path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: the first request with this Idempotency-Key has no answer yet (409)")]
    private partial void LogStillRunning(string? path);
}
