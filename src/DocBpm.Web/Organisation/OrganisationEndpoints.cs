using System.Text.RegularExpressions;
using DocBpm.Documents.Organisation;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using DocBpm.Web.Idempotency;

namespace DocBpm.Web.Organisation;

public sealed record UnitView(Guid Id, string Code, string Name, UnitKind Kind, int Members, string? SupervisorUserName);

/// <summary>The leader who supervises a unit (Lãnh đạo Sở phụ trách); null or empty clears it.</summary>
public sealed record SupervisorRequest(string? UserName);

public sealed record PersonView(string UserName, string FullName, string? Position, string? UnitCode, IReadOnlyList<string> Roles, bool Locked);

public sealed record NewPerson(string UserName, string FullName, string? Email, string UnitCode, string? Position, List<string> Roles, string Password);

/// <summary>Units and personal accounts (Article 16.2: every account belongs to one person).</summary>
public static partial class OrganisationEndpoints
{
    public static RouteGroupBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organisation").WithTags("Tổ chức, tài khoản");
        group.MapGet("/units", UnitsAsync);
        group.MapPut("/units/{code}/supervisor", SetSupervisorAsync).RequireAuthorization(Policies.Administrator);
        group.MapGet("/people", PeopleAsync).RequireAuthorization(Policies.OfficeLeaders);
        group.MapPost("/people", CreateAsync).RequireAuthorization(Policies.Administrator).Idempotent();
        group.MapPost("/people/{userName}/lock", (string userName, UserManager<AppUser> users, TimeProvider time) =>
            SetLockAsync(userName, users, time.GetUtcNow().AddYears(100))).RequireAuthorization(Policies.Administrator);
        group.MapPost("/people/{userName}/unlock", (string userName, UserManager<AppUser> users) =>
            SetLockAsync(userName, users, null)).RequireAuthorization(Policies.Administrator);
        return group;
    }

    private static async Task<Ok<List<UnitView>>> UnitsAsync(DbContext db, CancellationToken cancellationToken)
    {
        var members = await db.Set<AppUser>().Where(u => u.UnitId != null).GroupBy(u => u.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var units = await db.Set<Unit>().AsNoTracking().OrderBy(u => u.SortOrder).ToListAsync(cancellationToken);
        return TypedResults.Ok(units.Select(u => new UnitView(u.Id, u.Code, u.Name, u.Kind,
            members.FirstOrDefault(m => m.UnitId == u.Id)?.Count ?? 0, u.SupervisorUserName)).ToList());
    }

    /// <summary>Only a Director or deputy account may supervise a unit: its drafts are presented to that leader for signing.</summary>
    private static async Task<Results<Ok<UnitView>, NotFound, ValidationProblem>> SetSupervisorAsync(string code, SupervisorRequest request,
        DbContext db, UserManager<AppUser> users, CancellationToken cancellationToken)
    {
        var unit = await db.Set<Unit>().FirstOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null)
            return TypedResults.NotFound();
        string? supervisor = null;
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            var leader = await users.FindByNameAsync(request.UserName.Trim());
            if (leader is null || !(await users.GetRolesAsync(leader)).Intersect(Roles.Leadership).Any())
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["userName"] = [$"'{request.UserName}' không phải tài khoản của Giám đốc hoặc Phó Giám đốc."],
                }, title: "Lãnh đạo phụ trách không hợp lệ");
            supervisor = leader.UserName;
        }

        unit.SupervisorUserName = supervisor;
        await db.SaveChangesAsync(cancellationToken);
        var members = await db.Set<AppUser>().CountAsync(u => u.UnitId == unit.Id, cancellationToken);
        return TypedResults.Ok(new UnitView(unit.Id, unit.Code, unit.Name, unit.Kind, members, unit.SupervisorUserName));
    }

    private static async Task<Ok<List<PersonView>>> PeopleAsync(DbContext db, UserManager<AppUser> users, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var units = await db.Set<Unit>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, cancellationToken);
        var people = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var views = new List<PersonView>();
        foreach (var person in people)
        {
            views.Add(new PersonView(person.UserName!, person.FullName, person.Position,
                person.UnitId is { } id ? units.GetValueOrDefault(id) : null, [.. await users.GetRolesAsync(person)],
                person.IsLocked(now)));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<PersonView>, ValidationProblem>> CreateAsync(NewPerson request, DbContext db,
        UserManager<AppUser> users, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName) || !UserNamePattern().IsMatch(request.UserName))
            errors["userName"] = ["Tên đăng nhập gồm chữ thường không dấu, chữ số, dấu chấm; từ 3 đến 50 ký tự."];
        if (string.IsNullOrWhiteSpace(request.FullName))
            errors["fullName"] = ["Họ tên là bắt buộc."];
        var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == request.UnitCode, cancellationToken);
        if (unit is null)
            errors["unitCode"] = [$"Đơn vị '{request.UnitCode}' không tồn tại."];
        List<string> roles = request.Roles ?? [];
        if (roles.Count == 0 || roles.Except(Roles.All).Any())
            errors["roles"] = [$"Cần ít nhất một vai trò trong: {string.Join(", ", Roles.All)}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Thông tin tài khoản không hợp lệ");

        var user = new AppUser
        {
            UserName = request.UserName, FullName = request.FullName.Trim(), Email = request.Email, UnitId = unit!.Id,
            Position = request.Position?.Trim(),
        };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
            return TypedResults.ValidationProblem(created.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()), title: "Thông tin tài khoản không hợp lệ");
        await users.AddToRolesAsync(user, roles);
        return TypedResults.Created($"/api/organisation/people/{user.UserName}",
            new PersonView(user.UserName, user.FullName, user.Position, unit.Code, roles, false));
    }

    private static async Task<Results<NoContent, NotFound>> SetLockAsync(string userName, UserManager<AppUser> users, DateTimeOffset? until)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return TypedResults.NotFound();
        await users.SetLockoutEndDateAsync(user, until);
        // A lock ends the person's open sessions and tokens too (SessionCheck), not only new sign-ins.
        await users.UpdateSecurityStampAsync(user);
        return TypedResults.NoContent();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.]{2,49}$")]
    private static partial Regex UserNamePattern();
}
