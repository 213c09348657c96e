using DocBpm.Documents.Organisation;
using DocBpm.Documents.Authorisations;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Outgoing;

/// <summary>A leader a draft may be presented to; <paramref name="Supervises"/> marks the drafting unit's supervisor, the default.</summary>
public sealed record LeaderChoice(string UserName, string FullName, string? Position, bool Supervises);

/// <summary>
/// Who signs a unit's drafts (Article 9.2a "trình Lãnh đạo Sở ký"): the Director, or the deputy who supervises the
/// drafting unit, or whom the Director authorised to sign the draft's type (TL., TUQ., TM.; NĐ30 Art. 13). The unit
/// head presents the draft to one of them, by default the supervisor.
/// </summary>
public sealed class SigningLeaders(IPeopleDirectory people, SigningAuthorisations authorities, DbContext db)
{
    public async Task<List<LeaderChoice>> AllowedAsync(string unitCode, string typeCode, CancellationToken cancellationToken)
    {
        var supervisor = await db.Set<Unit>().AsNoTracking().Where(u => u.Code == unitCode)
            .Select(u => u.SupervisorUserName).FirstOrDefaultAsync(cancellationToken);
        var leaders = (await people.DirectorsAsync(cancellationToken)).ToList();
        if (supervisor is not null && leaders.All(l => !SameName(l.UserName, supervisor))
            && await people.FindAsync(supervisor, cancellationToken) is { Rank: not null } deputy)
            leaders.Add(deputy);
        foreach (var grantee in await authorities.GranteesAsync(typeCode, cancellationToken))
        {
            if (leaders.All(l => !SameName(l.UserName, grantee)) && await people.FindAsync(grantee, cancellationToken) is { IsLocked: false } person)
                leaders.Add(person);
        }

        return [.. leaders.Select(l => new LeaderChoice(l.UserName, l.FullName, l.Position, SameName(l.UserName, supervisor)))
            .OrderByDescending(l => l.Supervises).ThenBy(l => l.UserName, StringComparer.Ordinal)];
    }

    /// <summary>The leader asked for if allowed; without one, the unit's supervisor, or the Director when there is only one.</summary>
    public async Task<string> ChooseAsync(string unitCode, string typeCode, string? requested, CancellationToken cancellationToken)
    {
        var allowed = await AllowedAsync(unitCode, typeCode, cancellationToken);
        if (string.IsNullOrWhiteSpace(requested))
        {
            return allowed.FirstOrDefault(l => l.Supervises)?.UserName ?? (allowed.Count == 1 ? allowed[0].UserName
                : throw OutgoingRefusedException.Invalid($"Đơn vị {unitCode} chưa có Lãnh đạo Sở phụ trách; hãy chọn lãnh đạo ký (Điều 9.2a).",
                    $"Unit {unitCode} has no supervising leader and no leader was chosen."));
        }

        return allowed.FirstOrDefault(l => SameName(l.UserName, requested.Trim()))?.UserName ?? throw OutgoingRefusedException.Invalid(
            $"Văn bản của đơn vị {unitCode} chỉ trình được Giám đốc hoặc Phó Giám đốc phụ trách đơn vị (Điều 9.2a), hoặc người được Giám đốc giao ký loại văn bản này (NĐ30 Điều 13): {string.Join(", ", allowed.Select(l => l.FullName))}.",
            $"'{requested}' may not sign drafts of unit {unitCode}.");
    }

    private static bool SameName(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
