using DocBpm.Documents;
using DocBpm.Documents.Incoming;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DocBpm.Web;

/// <summary>
/// Turns the engine's refusals into problem details: Vietnamese for the person, the English reason in the log.
/// Every refusal happens before anything is stored, so the response can say that nothing changed.
/// </summary>
public sealed partial class EngineExceptionHandler(IProblemDetailsService problems, ILogger<EngineExceptionHandler> logger)
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
        BpmnValidationException invalid => Invalid(invalid),
        BookmarkNotActiveException => Problem(StatusCodes.Status409Conflict, "Công việc không còn hiệu lực",
            "Công việc này đã được hoàn thành hoặc đã bị hủy; không thực hiện lại."),
        ConcurrencyConflictException => Problem(StatusCodes.Status409Conflict, "Xung đột cập nhật",
            "Hồ sơ vừa được người khác xử lý cùng lúc. Không có thay đổi nào được lưu; vui lòng tải lại và thử lại."),
        TaskAccessDeniedException => Problem(StatusCodes.Status403Forbidden, "Không có quyền",
            "Bạn không phải người được giao xử lý công việc này."),
        InstanceNotRunningException => Problem(StatusCodes.Status409Conflict, "Quy trình đã kết thúc",
            "Phiên bản quy trình này không còn đang chạy."),
        DefinitionNotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Không tìm thấy quy trình",
            $"Quy trình '{notFound.KeyOrId}' chưa được triển khai."),
        InstanceNotFoundException => Problem(StatusCodes.Status404NotFound, "Không tìm thấy",
            "Phiên bản quy trình không tồn tại."),
        InstanceMigrationException refused => WithMissing(Problem(StatusCodes.Status409Conflict,
            "Không chuyển được sang phiên bản mới",
            $"Phiên bản {refused.TargetVersion} không có các bước mà hồ sơ đang dừng ở: {string.Join(", ", refused.MissingElements)}. "
            + "Hồ sơ vẫn chạy theo phiên bản cũ."), refused.MissingElements),
        MigrationTargetNotNewerException notNewer => Problem(StatusCodes.Status409Conflict,
            "Không chuyển được sang phiên bản mới",
            $"Hồ sơ đang chạy theo phiên bản {notNewer.CurrentVersion}; chỉ chuyển được sang phiên bản mới hơn, không phải {notNewer.TargetVersion}."),
        AmbiguousCorrelationException ambiguous => WithInstances(Problem(StatusCodes.Status409Conflict,
            "Thông điệp khớp nhiều quy trình",
            $"Có {ambiguous.InstanceIds.Count} quy trình đang chờ thông điệp '{ambiguous.MessageName}' với khóa '{ambiguous.CorrelationKey}'. "
            + "Không quy trình nào nhận thông điệp; hãy dùng khóa tương quan cụ thể hơn hoặc gửi với all=true để gửi cho tất cả."),
            ambiguous.InstanceIds),
        IncidentNotFoundException => Problem(StatusCodes.Status404NotFound, "Không tìm thấy sự cố",
            "Sự cố không tồn tại hoặc đã được xử lý."),
        // A domain rule refusing inside an activity speaks to the person in its own words.
        ProcessExecutionException { InnerException: DocumentRefusedException refused } failed =>
            WithElement(Problem(StatusOf(refused.Kind), refused.TitleVi, refused.DetailVi), failed.ElementId),
        ProcessExecutionException failed => WithElement(Problem(StatusCodes.Status422UnprocessableEntity,
            "Không thực hiện được bước của quy trình",
            $"Bước '{failed.ElementId}' không thực hiện được: {failed.Reason}. Không có thay đổi nào được lưu."), failed.ElementId),
        ActivityInputException input => Problem(StatusCodes.Status422UnprocessableEntity, "Dữ liệu đầu vào không hợp lệ",
            $"Giá trị của '{input.Input}' không đúng kiểu. Không có thay đổi nào được lưu."),
        BadHttpRequestException bad => Problem(bad.StatusCode, "Yêu cầu không hợp lệ",
            "Nội dung gửi lên không đọc được (sai định dạng JSON hoặc thiếu trường bắt buộc)."),
        IncomingValidationException invalid => new ValidationProblemDetails(invalid.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Thông tin văn bản đến không hợp lệ",
            Detail = "Vui lòng sửa các trường được chỉ ra. Không có thay đổi nào được lưu.",
        },
        DocumentRefusedException refused => Problem(StatusOf(refused.Kind), refused.TitleVi, refused.DetailVi),
        _ => null,
    };

    // A damaged file is the server's fault, not the request's: 500, but with a message that says what happened.
    private static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.Damaged => StatusCodes.Status500InternalServerError,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithElement(ProblemDetails problem, string elementId)
    {
        problem.Extensions["elementId"] = elementId;
        return problem;
    }

    private static ProblemDetails WithInstances(ProblemDetails problem, IReadOnlyList<Guid> instanceIds)
    {
        problem.Extensions["instanceIds"] = instanceIds;
        return problem;
    }

    private static ProblemDetails WithMissing(ProblemDetails problem, IReadOnlyList<string> elementIds)
    {
        problem.Extensions["missingElements"] = elementIds;
        return problem;
    }

    private static ValidationProblemDetails Invalid(BpmnValidationException invalid)
    {
        var errors = invalid.Errors
            .GroupBy(e => e.ElementId ?? "definitions")
            .ToDictionary(g => g.Key, g => g.Select(e => $"Dòng {e.Line}: {e.MessageVi}").ToArray());
        var problem = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Sơ đồ quy trình không hợp lệ",
            Detail = $"Có {invalid.Errors.Count} lỗi; quy trình chưa được triển khai.",
        };
        problem.Extensions["elements"] = invalid.Errors
            .Select(e => new { elementId = e.ElementId, line = e.Line, message = e.MessageVi }).ToList();
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status}: {Reason}")]
    private partial void LogRefused(string method, PathString path, int status, string reason);
}
