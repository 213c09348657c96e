using DocBpm.Web.Accounts;
using DocBpm.Web.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DocBpm.Web.Monitor;

/// <summary>
/// The people behind the login names the engine records (who deployed, started, acted, was assigned), so that the
/// monitor shows "Hoàng Văn Giám (Giám đốc)" instead of "giamdoc". Logins nobody holds are left out of the answer and
/// stay as they are on the page.
/// </summary>
public static class MonitorPeople
{
    public const int MaxLogins = 200;

    public static RouteHandlerBuilder MapMonitorPeople(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/monitor/people", ListAsync)
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Phiên bản quy trình");

    private static async Task<Results<Ok<Dictionary<string, string>>, ValidationProblem>> ListAsync(
        string[]? login, PeopleNames names, CancellationToken cancellationToken)
    {
        var logins = (login ?? []).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (logins.Count > MaxLogins)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["login"] = [$"Mỗi lần hỏi tối đa {MaxLogins} tài khoản."],
            }, title: "Quá nhiều tài khoản");
        await names.LoadAsync(cancellationToken);
        return TypedResults.Ok(logins.Select(l => (Login: l, Name: names.Of(l)))
            .Where(p => p.Name != p.Login)
            .ToDictionary(p => p.Login, p => p.Name, StringComparer.OrdinalIgnoreCase));
    }
}
