using DocBpm.Documents.Exchange;
using DocBpm.Documents.Incoming;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DocBpm.Web.Incoming;

/// <summary>
/// Refusals of incoming-document actions as problem details: Vietnamese for the person, English in the log. Each is
/// raised before anything is stored.
/// </summary>
public sealed partial class IncomingExceptionHandler(IProblemDetailsService problems, ILogger<IncomingExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null)
            return false;
        LogRefused(httpContext.Request.Method, httpContext.Request.Path, problem.Status ?? 500, exception.Message);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails? Describe(Exception exception) => exception switch
    {
        IncomingValidationException invalid => new ValidationProblemDetails(invalid.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Thông tin văn bản đến không hợp lệ",
            Detail = "Vui lòng sửa các trường được chỉ ra. Không có thay đổi nào được lưu.",
        },
        IncomingStateException state => Problem(StatusCodes.Status409Conflict, "Không thực hiện được ở bước này", state.MessageVi),
        IncomingAccessException denied => Problem(StatusCodes.Status403Forbidden, "Không có quyền", denied.MessageVi),
        IncomingNotFoundException => Problem(StatusCodes.Status404NotFound, "Không tìm thấy", "Văn bản đến không tồn tại."),
        FileIntegrityException => Problem(StatusCodes.Status500InternalServerError, "Tệp bị thay đổi hoặc hư hỏng",
            "Tệp lưu trữ không khớp mã băm SHA-256 đã ghi khi nhận; hệ thống không trả tệp này. Vui lòng báo quản trị."),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status}: {Reason}")]
    private partial void LogRefused(string method, PathString path, int status, string reason);
}
