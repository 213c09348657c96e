using System.Security.Claims;
using DocBpm.Documents.Outgoing;
using DocBpm.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DocBpm.Web.Outgoing;

/// <summary>
/// The leader's signature as the document records it (NĐ30 art. 13): who signed, with which title, and in which
/// capacity — a deputy signs "KT. GIÁM ĐỐC" — and from when the issue deadline of Article 6.2 runs.
/// </summary>
public sealed class OutgoingSigner(UserManager<AppUser> users, IssueDeadline deadlines, TimeProvider time)
{
    public const string OnBehalfOfDirector = "KT. GIÁM ĐỐC";

    public async Task<IssueDue> SignAsync(OutgoingDocument document, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var leader = await users.FindByNameAsync(user.Identity?.Name ?? "") ?? throw new OutgoingRefusedException(
            Documents.RefusalKind.Forbidden, "Tài khoản ký không tồn tại.", "The signer's account does not exist.");
        var now = time.GetUtcNow();
        document.SignerUserName = leader.UserName;
        document.SignerName = leader.FullName;
        document.SignerPosition = leader.Position;
        document.SignerCompetence = user.IsInRole(Roles.Deputy) && !user.IsInRole(Roles.Director) ? OnBehalfOfDirector : null;
        document.SignedAt = now;
        document.Stage = OutgoingStage.AwaitingIssue;
        return deadlines.For(now, document.Urgency);
    }
}
