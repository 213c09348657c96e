using System.Security.Claims;
using DocBpm.Axis.Agencies;
using DocBpm.Axis.Data;
using DocBpm.Edxml;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Axis.Packages;

public static partial class PackageEndpoints
{
    public static void MapPackages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization();
        group.MapPost("/packages", SendAsync);
        group.MapGet("/packages/pending", PendingAsync);
        group.MapGet("/packages/{id:guid}", FetchAsync);
        group.MapPost("/packages/{id:guid}/ack", AcknowledgeAsync);
        group.MapPost("/statuses", SendStatusAsync);
        group.MapGet("/statuses", StatusesAsync);
    }

    /// <summary>Accepts a document for one or many recipients; every problem of the package is listed in the refusal.</summary>
    private static async Task<Results<Created<SendReceipt>, ProblemHttpResult>> SendAsync(HttpRequest request, ClaimsPrincipal user,
        AxisDbContext db, IOptions<AxisOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(request, options.Value.MaxPackageBytes, cancellationToken) is not { } body)
            return TooLarge(options.Value.MaxPackageBytes);
        var read = EdxmlReader.ReadPackage(body, EdxmlLimits.Default with { MaxPackageBytes = options.Value.MaxPackageBytes }, options.Value.Identifiers());
        if (!read.IsValid)
            return Refused("Gói tin không hợp lệ", read.Problems.Select(p => $"{p.Path}: {p.MessageVi}"));
        var header = read.Value!.Header;
        var sender = user.AgencyCode();
        if (header.From.OrganId != sender)
            return Refused("Sai nơi gửi", [$"Nơi gửi trong gói tin ({header.From.OrganId}) không phải cơ quan đang kết nối ({sender})."]);
        if (ExchangeIdentity.ForeignIdentifier(sender, header.DocumentId) is { } foreign)
            return Refused("Sai mã định danh văn bản", [foreign]);
        var recipients = header.To.Select(t => t.OrganId).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Agencies.Where(a => recipients.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken);
        var unknown = recipients.Except(known, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            return Refused("Nơi nhận chưa kết nối trục", unknown.Select(u => $"Cơ quan {u} chưa được đăng ký trên trục."));

        var now = time.GetUtcNow().ToUniversalTime();
        var package = new PackageRecord
        {
            Id = Guid.CreateVersion7(),
            Kind = AxisPackageKind.Document,
            SenderCode = sender,
            DocumentId = header.DocumentId,
            ReceivedAt = now,
            // The receipt time is the hop's record for a signed package, which must arrive as its sender signed it.
            Content = read.IsSigned() ? body : read.Stamped(options.Value.OrganId, now),
        };
        db.Packages.Add(package);
        db.Deliveries.AddRange(recipients.Select(r => new DeliveryRecord { Id = Guid.CreateVersion7(), PackageId = package.Id, RecipientCode = r }));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/packages/{package.Id}", new SendReceipt(package.Id, package.DocumentId, now, recipients));
    }

    private static async Task<Ok<List<PendingPackage>>> PendingAsync(ClaimsPrincipal user, AxisDbContext db, CancellationToken cancellationToken)
    {
        var me = user.AgencyCode();
        var pending = await (from d in db.Deliveries
                             join p in db.Packages on d.PackageId equals p.Id
                             where d.RecipientCode == me && d.State == DeliveryState.Pending
                             orderby p.Sequence
                             select new PendingPackage(p.Id, p.Kind, p.SenderCode, p.DocumentId, p.ReceivedAt, p.Content.Length))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(pending);
    }

    /// <summary>An agency reads only what is addressed to it; anything else is reported as missing.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> FetchAsync(Guid id, ClaimsPrincipal user, AxisDbContext db,
        CancellationToken cancellationToken)
    {
        var me = user.AgencyCode();
        var content = await (from d in db.Deliveries
                             join p in db.Packages on d.PackageId equals p.Id
                             where d.PackageId == id && d.RecipientCode == me
                             select p.Content).FirstOrDefaultAsync(cancellationToken);
        return content is null ? TypedResults.NotFound() : TypedResults.File(content, "application/xml");
    }

    private static async Task<Results<NoContent, NotFound>> AcknowledgeAsync(Guid id, ClaimsPrincipal user, AxisDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var me = user.AgencyCode();
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.PackageId == id && d.RecipientCode == me, cancellationToken);
        if (delivery is null)
            return TypedResults.NotFound();
        if (delivery.State == DeliveryState.Pending)
        {
            delivery.State = DeliveryState.Acknowledged;
            delivery.AcknowledgedAt = time.GetUtcNow().ToUniversalTime();
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    /// <summary>The body, or null when it is over <paramref name="limit"/> (Kestrel's limit is set to the same, see AxisHost).</summary>
    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
            return null;
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.Length > limit ? null : buffer.ToArray();
    }

    internal static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        $"Gói tin vượt quá dung lượng tối đa trục chấp nhận ({limit / (1024 * 1024)} MB). Trục không lưu gì.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Gói tin quá lớn");

    internal static ProblemHttpResult Refused(string title, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        return TypedResults.Problem(string.Join(" ", list), statusCode: StatusCodes.Status422UnprocessableEntity, title: title,
            extensions: new Dictionary<string, object?> { ["problems"] = list });
    }
}
