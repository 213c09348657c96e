using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Hosting;

/// <summary>
/// What the database itself refuses is the request's fault or a lost race, never a server error. Checks before the write
/// (<see cref="Data.ColumnLimits"/>, the domain's rules) catch almost all of it; this is the last line behind them:
/// a PostgreSQL data exception (class 22: NUL, over-long or malformed value) is a 400, and a concurrency conflict or a
/// unique key taken by a concurrent request is a 409, logged as information.
/// </summary>
public sealed partial class InputExceptionHandler(IProblemDetailsService problems, ILogger<InputExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null)
            return false;
        LogRefused(httpContext.Request.Method, httpContext.Request.Path.Value, problem.Status!.Value, exception.Message);
        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    internal static ProblemDetails? Describe(Exception exception)
    {
        if (IsLostRace(exception))
            return new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Xung đột cập nhật",
                Detail = "Hồ sơ vừa được người khác xử lý cùng lúc. Không có thay đổi nào được lưu; vui lòng tải lại và thử lại.",
            };
        return SqlState(exception) is ['2', '2', ..] state
            ? new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest, Title = "Dữ liệu không hợp lệ",
                Detail = $"Dữ liệu gửi lên có giá trị cơ sở dữ liệu không nhận được (mã {state}): ký tự NUL, chuỗi quá dài hoặc sai định dạng. "
                    + "Không có thay đổi nào được lưu.",
            }
            : null;
    }

    /// <summary>A concurrency conflict, or a unique key a concurrent request took first: the request lost a race.</summary>
    internal static bool IsLostRace(Exception exception) => exception is DbUpdateConcurrencyException || UniqueViolation(exception);

    private static bool UniqueViolation(Exception exception) =>
        exception is DbUpdateException
        && (SqlState(exception) == "23505"
            || Chain(exception).OfType<Microsoft.Data.Sqlite.SqliteException>().Any(e => e.SqliteExtendedErrorCode is 2067 or 1555));

    private static string? SqlState(Exception exception) => Chain(exception).OfType<Npgsql.PostgresException>().FirstOrDefault()?.SqlState;

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            yield return e;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status} by the database: {Reason}")]
    private partial void LogRefused(string method, string? path, int status, string reason);
}
