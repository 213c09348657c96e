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
    /// <summary>A recipient reports what it did with a document; the status goes to the document's sender.</summary>
    private static async Task<Results<Created<SendReceipt>, ProblemHttpResult>> SendStatusAsync(HttpRequest request, ClaimsPrincipal user,
        AxisDbContext db, IOptions<AxisOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync(request, options.Value.MaxPackageBytes, cancellationToken) is not { } body)
            return TooLarge(options.Value.MaxPackageBytes);
        var read = EdxmlReader.ReadStatus(body, identifiers: options.Value.Identifiers());
        if (!read.IsValid)
            return Refused("Thông điệp trạng thái không hợp lệ", read.Problems.Select(p => $"{p.Path}: {p.MessageVi}"));
        var status = read.Value!;
        var me = user.AgencyCode();
        if (status.From.OrganId != me)
            return Refused("Sai nơi gửi", [$"Cơ quan báo trạng thái ({status.From.OrganId}) không phải cơ quan đang kết nối ({me})."]);
        var sender = status.ResponseFor.OrganId;
        if (!await db.Agencies.AnyAsync(a => a.Code == sender, cancellationToken))
            return Refused("Nơi nhận chưa kết nối trục", [$"Cơ quan {sender} chưa được đăng ký trên trục."]);
        if (!await IsPartyAsync(db, me, sender, status.ResponseFor.DocumentId, cancellationToken))
            return Refused("Không phải bên liên quan đến văn bản", [ExchangeIdentity.NotAParty(me, status.ResponseFor.DocumentId)]);

        var now = time.GetUtcNow().ToUniversalTime();
        var package = new PackageRecord
        {
            Id = Guid.CreateVersion7(),
            Kind = AxisPackageKind.Status,
            SenderCode = me,
            DocumentId = status.ResponseFor.DocumentId,
            ReceivedAt = now,
            Content = body,
            StatusCode = status.Status.Code(),
        };
        db.Packages.Add(package);
        db.Deliveries.Add(new DeliveryRecord { Id = Guid.CreateVersion7(), PackageId = package.Id, RecipientCode = sender });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/packages/{package.Id}", new SendReceipt(package.Id, package.DocumentId, now, [sender]));
    }

    /// <summary>
    /// An agency reports on a document the axis carried between it and the document's sender: as a recipient of it, or as
    /// its sender telling the recipients (a recall, 13).
    /// </summary>
    private static Task<bool> IsPartyAsync(AxisDbContext db, string me, string sender, string documentId, CancellationToken cancellationToken) =>
        (from p in db.Packages
         join d in db.Deliveries on p.Id equals d.PackageId
         where p.Kind == AxisPackageKind.Document && p.DocumentId == documentId
               && ((p.SenderCode == sender && d.RecipientCode == me) || (p.SenderCode == me && d.RecipientCode == sender))
         select p.Id).AnyAsync(cancellationToken);

    /// <summary>The statuses other agencies reported about documents I sent, oldest first.</summary>
    private static async Task<Ok<List<StatusSummary>>> StatusesAsync(string? documentId, ClaimsPrincipal user, AxisDbContext db,
        IOptions<AxisOptions> options, CancellationToken cancellationToken)
    {
        var me = user.AgencyCode();
        var query = from d in db.Deliveries
                    join p in db.Packages on d.PackageId equals p.Id
                    where d.RecipientCode == me && p.Kind == AxisPackageKind.Status
                    select p;
        if (!string.IsNullOrWhiteSpace(documentId))
            query = query.Where(p => p.DocumentId == documentId);
        var packages = await query.OrderBy(p => p.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(packages
            .Select(p => (Package: p, Status: EdxmlReader.ReadStatus(p.Content, identifiers: options.Value.Identifiers()).Value!))
            .Select(x => new StatusSummary(x.Package.Id, x.Package.SenderCode, x.Package.StatusCode!, x.Status.Description,
                x.Status.Timestamp, x.Package.DocumentId, x.Package.ReceivedAt))
            .ToList());
    }
}
