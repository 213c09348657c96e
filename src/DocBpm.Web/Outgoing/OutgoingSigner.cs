using System.Security.Claims;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Outgoing;

/// <summary>What the signing step hands to the process: the file to sign and when it must be issued.</summary>
public sealed record LeaderSignature(IssueDue Due, Guid MainFileId, string SignerKey, string SignerName);

/// <summary>
/// The leader's signature as the document records it (NĐ30 art. 13): who signed, with which title, and in which
/// capacity — a deputy signs "KT. GIÁM ĐỐC" — the last version of the main file, which the process signs with the
/// leader's key (configured under the leader's user name), and from when the issue deadline of Article 6.2 runs.
/// </summary>
public sealed class OutgoingSigner(UserManager<AppUser> users, IssueDeadline deadlines, TimeProvider time, DbContext db)
{
    public const string OnBehalfOfDirector = "KT. GIÁM ĐỐC";

    public async Task<LeaderSignature> SignAsync(OutgoingDocument document, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var main = await db.Set<DraftVersion>().AsNoTracking().Where(v => v.DocumentId == document.Id && v.Kind == DraftFileKind.Main)
            .OrderByDescending(v => v.Version).Select(v => v.FileId).FirstAsync(cancellationToken);
        var leader = await users.FindByNameAsync(user.Identity?.Name ?? "") ?? throw new OutgoingRefusedException(
            Engine.RefusalKind.Forbidden, "Tài khoản ký không tồn tại.", "The signer's account does not exist.");
        var now = time.GetUtcNow();
        document.SignerUserName = leader.UserName;
        document.SignerName = leader.FullName;
        document.SignerPosition = leader.Position;
        document.SignerCompetence = user.IsInRole(Roles.Deputy) && !user.IsInRole(Roles.Director) ? OnBehalfOfDirector : null;
        document.SignedAt = now;
        document.Stage = OutgoingStage.AwaitingIssue;
        return new LeaderSignature(deadlines.For(now, document.Urgency), main, leader.UserName!, leader.FullName);
    }
}
