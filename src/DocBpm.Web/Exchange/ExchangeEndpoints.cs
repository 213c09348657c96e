using DocBpm.Documents.Exchange;
using DocBpm.Edxml;
using DocBpm.Web.Accounts;
using DocBpm.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Exchange;

/// <summary>One recipient of a dispatch; <paramref name="Progress"/> is what the document page shows for it too.</summary>
public sealed record DispatchView(string DocumentId, string RecipientCode, DispatchState State, DateTimeOffset QueuedAt,
    DateTimeOffset? SentAt, ExchangeStatus? LastStatus, string? LastStatusNote, DateTimeOffset? LastStatusAt, DispatchProgress Progress,
    string? SendError);

public sealed record ReceivedView(Guid Id, string SenderCode, string SenderName, string DocumentId, string Subject,
    EdxmlPriority Priority, DateTimeOffset ArrivedAt, DateTimeOffset ReceivedAt, ExchangeStatus LastStatus);

public static partial class ExchangeEndpoints
{
    public static RouteGroupBuilder MapExchange(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exchange").WithTags("Liên thông văn bản");
        group.MapGet("/dispatches", DispatchesAsync).RequireAuthorization(Policies.Integration);
        group.MapGet("/received", ReceivedAsync).RequireAuthorization(Policies.Integration);
        group.MapPost("/pull", PullAsync).RequireAuthorization(Policies.Integration);
        app.MapIntakeFailures();
        return group;
    }

    /// <summary>Per-recipient delivery and processing status of a dispatched document (Article 9.4).</summary>
    private static async Task<Ok<List<DispatchView>>> DispatchesAsync(string documentId, DispatchStates dispatches, CancellationToken cancellationToken) =>
        TypedResults.Ok((await dispatches.OfAsync(documentId, cancellationToken))
            .Select(x => new DispatchView(x.Record.DocumentId, x.Record.RecipientCode, x.Record.State, x.Record.QueuedAt, x.Record.SentAt,
                x.Record.LastStatus, x.Record.LastStatusNote, x.Record.LastStatusAt, x.Progress, x.SendError))
            .ToList());

    private static async Task<Ok<List<ReceivedView>>> ReceivedAsync(DbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Set<ReceivedDocument>().AsNoTracking().OrderByDescending(d => d.ArrivedAt).Take(500)
            .Select(d => new ReceivedView(d.Id, d.SenderCode, d.SenderName, d.DocumentId, d.Subject, d.Priority, d.ArrivedAt, d.ReceivedAt, d.LastStatus))
            .ToListAsync(cancellationToken));

    /// <summary>Takes in what the axis holds now, without waiting for the scheduled intake.</summary>
    private static async Task<Results<Ok<int>, ProblemHttpResult>> PullAsync(IntakeService intake, AxisClient axis, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!axis.IsConfigured)
            return TypedResults.Problem("Chưa cấu hình trục liên thông (Exchange:AxisUrl).", statusCode: StatusCodes.Status409Conflict,
                title: "Không kết nối trục liên thông");
        try
        {
            return TypedResults.Ok(await intake.PullAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            return AxisUnreachable();
        }
        catch (DbUpdateException ex) when (InputExceptionHandler.IsLostRace(ex))
        {
            // Another pull (or the scheduled intake) took the same package in a moment ago: each package is its own
            // transaction, so what this pull stored stays and the rest waits for the next pull. Any other database
            // failure is a real error and reaches the error handler.
            var logger = loggers.CreateLogger(typeof(ExchangeEndpoints));
            var reason = (ex.InnerException ?? ex).Message;
            LogPullLostRace(logger, reason);
            return TypedResults.Problem("Một lượt nhận khác đang tiếp nhận cùng gói tin; hãy tải lại danh sách hoặc thử lại.",
                statusCode: StatusCodes.Status409Conflict, title: "Đang tiếp nhận gói tin");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A pull lost the race for a package to another pull; answered 409: {Reason}")]
    private static partial void LogPullLostRace(ILogger logger, string reason);

    /// <summary>The axis is down: nothing was acknowledged and no package counts an attempt, so trying later is safe.</summary>
    internal const string AxisDownVi = "Không kết nối được trục liên thông; gói tin được giữ nguyên, hãy thử lại sau.";

    internal const string RetryFailedVi = "Gói tin vẫn chưa tiếp nhận được; lần thử đã được ghi lại cùng lỗi mới nhất.";

    internal static ProblemHttpResult AxisUnreachable() =>
        TypedResults.Problem(AxisDownVi,
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Không kết nối trục liên thông");
}
