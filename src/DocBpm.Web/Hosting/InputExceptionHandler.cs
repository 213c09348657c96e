using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Hosting;

/// <summary>
/// Input the database cannot take is the sender's error (400), never a server error. <see cref="ColumnLimits"/> refuses
/// such values before a write, naming the field; this is the last line behind it: a PostgreSQL data exception (class 22:
/// NUL, over-long or malformed value) from a query that no check caught.
/// </summary>
public sealed partial class InputExceptionHandler(IProblemDetailsService problems, ILogger<InputExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DataException(exception) is not { } sqlState)
            return false;
        var detail = $"Dữ liệu gửi lên có giá trị cơ sở dữ liệu không nhận được (mã {sqlState}): ký tự NUL, chuỗi quá dài hoặc sai định dạng. "
            + "Không có thay đổi nào được lưu.";
        LogRefused(httpContext.Request.Method, httpContext.Request.Path.Value, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Dữ liệu không hợp lệ", Detail = detail },
        });
    }

    private static string? DataException(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: [ '2', '2', .. ] } postgres)
                return postgres.SqlState;
            if (e is DbUpdateException && e.InnerException is null)
                break;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with 400 for input the database cannot take: {Reason}")]
    private partial void LogRefused(string method, string? path, string reason);
}
