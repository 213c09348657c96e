using DocBpm.Documents.Incoming;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DocBpm.Web.Incoming;

/// <summary>
/// Refusals of incoming-document actions that <see cref="EngineExceptionHandler"/> does not word already: field-by-field
/// validation and actions on a document the person sees but may not take. Each is raised before anything is stored.
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
        IncomingAccessException denied => Problem(StatusCodes.Status403Forbidden, "Không có quyền", denied.MessageVi),
        _ => null,
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status}: {Reason}")]
    private partial void LogRefused(string method, PathString path, int status, string reason);
}
