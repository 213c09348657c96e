using DocBpm.Documents.ProvincialTasks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>A request against the rules of Chapter III: 409 with the rule's Vietnamese explanation; nothing was stored.</summary>
public sealed partial class ProvincialTaskExceptionHandler(IProblemDetailsService problems, ILogger<ProvincialTaskExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            TaskRuleException rule => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Không thực hiện được thao tác với nhiệm vụ",
                Detail = rule.MessageVi + " Không có thay đổi nào được lưu.",
                Extensions = { ["rule"] = rule.Code },
            },
            TaskNotFoundException => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Không tìm thấy",
                Detail = "Nhiệm vụ hoặc văn bản giao nhiệm vụ không tồn tại.",
            },
            _ => null,
        };
        if (problem is null)
            return false;
        LogRefused(httpContext.Request.Method, httpContext.Request.Path, problem.Status!.Value, exception.Message);
        httpContext.Response.StatusCode = problem.Status.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status}: {Reason}")]
    private partial void LogRefused(string method, PathString path, int status, string reason);
}
