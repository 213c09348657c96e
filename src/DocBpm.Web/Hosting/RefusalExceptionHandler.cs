using DocBpm.Engine;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DocBpm.Web;

/// <summary>
/// The one mapping of refusals to problem details: the refusal's kind gives the status, its Vietnamese title and detail
/// are for the person, its field messages and facts go with them, and the English reason goes to the log. Every refusal
/// happens before anything is stored, so it is logged as information, lost races included; it is no server error.
/// </summary>
public sealed partial class RefusalExceptionHandler(IProblemDetailsService problems, ILogger<RefusalExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null)
            return false;
        LogRefused(httpContext.Request.Method, httpContext.Request.Path, problem.Status ?? 500, exception.Message);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? Describe(Exception exception) => exception switch
    {
        RefusedException refused => Problem(refused),
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = "Yêu cầu không hợp lệ",
            Detail = "Nội dung gửi lên không đọc được (sai định dạng JSON hoặc thiếu trường bắt buộc).",
        },
        _ => null,
    };

    private static ProblemDetails Problem(RefusedException refused)
    {
        var problem = refused.FieldErrors.Count > 0 ? new ValidationProblemDetails(refused.FieldErrors.ToDictionary()) : new ProblemDetails();
        problem.Status = StatusOf(refused.Kind);
        problem.Title = refused.TitleVi;
        problem.Detail = refused.DetailVi;
        foreach (var (name, value) in refused.Facts)
            problem.Extensions[name] = value;
        return problem;
    }

    // A damaged file is the server's fault, not the request's: 500, but with a message that says what happened.
    private static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Malformed => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.Damaged => StatusCodes.Status500InternalServerError,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status}: {Reason}")]
    private partial void LogRefused(string method, PathString path, int status, string reason);
}
