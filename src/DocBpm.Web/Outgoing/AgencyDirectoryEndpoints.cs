using DocBpm.Documents.Exchange;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Text;
using DocBpm.Edxml;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Outgoing;

/// <summary>The directory of agencies documents are sent to, by identifier code; the administrator keeps it.</summary>
public static class AgencyDirectoryEndpoints
{
    public static RouteGroupBuilder MapAgencyDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agencies").WithTags("Danh bạ cơ quan").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapPut("/{code}", SaveAsync).RequireAuthorization(Policies.Administrator);
        return group;
    }

    private static async Task<Ok<List<AgencyEntry>>> ListAsync(DbContext db, bool includeInactive = false, CancellationToken cancellationToken = default) =>
        TypedResults.Ok(await db.Set<AgencyEntry>().AsNoTracking().Where(a => includeInactive || a.IsActive)
            .OrderBy(a => a.Code).ToListAsync(cancellationToken));

    /// <summary>Adds or corrects an agency; a deactivated one can no longer be chosen as a recipient.</summary>
    /// <remarks>A code outside the national shape is accepted for a peer the administrator configured (Exchange:Peers).</remarks>
    private static async Task<Ok<AgencyEntry>> SaveAsync(string code, AgencyRequest request, DbContext db, IOptions<AxisConnection> connection,
        CancellationToken cancellationToken)
    {
        var name = VietnameseText.Normalize(request.Name) ?? "";
        var shapes = connection.Value.IdentifiersOf(code);
        if (!shapes.IsAgencyCode(code) || request.Code != code)
            throw OutgoingRefusedException.Invalid($"Mã định danh '{code}' không đúng dạng {shapes.AgencyCodeShapes} (QĐ 20/2020).", $"Invalid agency code '{code}'.");
        if (name.Length is 0 or > 300)
            throw OutgoingRefusedException.Invalid("Tên cơ quan phải có từ 1 đến 300 ký tự.", "Invalid agency name.");
        var entry = await db.Set<AgencyEntry>().FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (entry is null)
        {
            entry = new AgencyEntry { Code = code, Name = name };
            db.Set<AgencyEntry>().Add(entry);
        }

        entry.Name = name;
        entry.IsActive = request.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(entry);
    }
}
