using DocBpm.Documents.Calendar;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Calendar;

public sealed record CalendarDayRequest(CalendarDayKind Kind, string Name, string? Source);

public sealed record WorkingInstant(DateTimeOffset At, DateTimeOffset NextWorkingInstant, bool IsWorkingTime);

public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Lịch làm việc");
        group.MapGet("/days", ListAsync);
        group.MapGet("/working-time", WorkingTime);
        group.MapPut("/days/{date}", SetAsync).RequireAuthorization(Policies.Administrator);
        group.MapDelete("/days/{date}", RemoveAsync).RequireAuthorization(Policies.Administrator);
        return group;
    }

    private static async Task<Results<Ok<List<CalendarDay>>, ValidationProblem>> ListAsync(int year, CalendarDays days,
        CancellationToken cancellationToken) =>
        year is < MinYear or > MaxYear
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"Năm từ {MinYear} đến {MaxYear}."] })
            : TypedResults.Ok(await days.ListAsync(year, cancellationToken));

    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    /// <summary>When a document arriving at <paramref name="at"/> counts as received (Article 10.2).</summary>
    private static Results<Ok<WorkingInstant>, ValidationProblem> WorkingTime(DateTimeOffset at, BusinessCalendar calendar) =>
        at.Year is < MinYear or > MaxYear
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = [$"Thời điểm trong các năm {MinYear}–{MaxYear}."] })
            : TypedResults.Ok(new WorkingInstant(at, calendar.NextWorkingInstant(at), calendar.IsWorkingTime(at)));

    private static async Task<Results<Ok<CalendarDay>, ValidationProblem>> SetAsync(
        string date, CalendarDayRequest request, CalendarDays days, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
            errors["date"] = ["Ngày phải có dạng yyyy-MM-dd."];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            errors["name"] = ["Tên ngày nghỉ/làm bù là bắt buộc và không quá 200 ký tự."];
        if (!Enum.IsDefined(request.Kind))
            errors["kind"] = ["Loại ngày phải là Holiday (nghỉ) hoặc MakeupWorkday (làm bù)."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Ngày trong lịch không hợp lệ");
        var saved = await days.SetAsync(new CalendarDay { Date = day, Kind = request.Kind, Name = request.Name.Trim(), Source = request.Source?.Trim() },
            cancellationToken);
        return TypedResults.Ok(saved);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RemoveAsync(string date, CalendarDays days,
        CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = ["Ngày phải có dạng yyyy-MM-dd."] });
        return await days.RemoveAsync(day, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
