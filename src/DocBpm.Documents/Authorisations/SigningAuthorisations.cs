using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Documents.Authorisations;

/// <summary>What the Director grants: who, in which capacity, which types, from when until when, by which decision.</summary>
public sealed record AuthorisationGrant(string UserName, SigningCapacity Capacity, IReadOnlyList<string>? DocumentTypes, DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil, string? DecisionNumber = null, DateOnly? DecisionDate = null);

/// <summary>
/// Who may sign a document in which capacity (NĐ30 Art. 13): the Director in his own name, a deputy KT., anyone else
/// only TL., TUQ. or TM. under an authorisation of the Director that covers the document's type at the signing instant.
/// Asked when the draft is presented and again when it is signed.
/// </summary>
public sealed class SigningAuthorisations(IPeopleDirectory people, DbContext db, TimeProvider time, IOptions<OutgoingOptions> options)
{
    private static readonly SigningCapacity[] Granted = [SigningCapacity.ByOrder, SigningCapacity.Authorised, SigningCapacity.Collective];

    public Task<List<SigningAuthorisation>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<SigningAuthorisation>().AsNoTracking().OrderByDescending(a => a.GrantedAt).Take(500).ToListAsync(cancellationToken);

    public async Task<SigningAuthorisation> GrantAsync(AuthorisationGrant grant, string grantedBy, CancellationToken cancellationToken)
    {
        var person = await people.FindAsync(grant.UserName?.Trim() ?? "", cancellationToken)
            ?? throw Refused($"Tài khoản '{grant.UserName}' không tồn tại.", "Unknown grantee.");
        if (!Granted.Contains(grant.Capacity))
            throw Refused("Chỉ giao ký thừa lệnh (TL.), thừa ủy quyền (TUQ.) hoặc thay mặt (TM.); Phó Giám đốc ký thay (KT.) theo chức vụ (NĐ30 Điều 13).",
                $"Capacity {grant.Capacity} is not granted.");
        var types = (grant.DocumentTypes ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Set<DocumentType>().AsNoTracking().Where(t => types.Contains(t.Code)).Select(t => t.Code).ToListAsync(cancellationToken);
        if (types.Count == 0 || known.Count != types.Count)
            throw Refused($"Hãy chọn các loại văn bản được giao ký trong danh mục: {string.Join(", ", types.Except(known, StringComparer.Ordinal))}".TrimEnd(' ', ':') + ".",
                "No or unknown document types.");
        if (grant.ValidUntil <= grant.ValidFrom)
            throw Refused("Thời hạn giao ký phải kết thúc sau khi bắt đầu (NĐ30 Điều 13.4: ủy quyền có thời hạn).", "Empty validity period.");
        var number = grant.DecisionNumber?.Trim();
        if (grant.Capacity == SigningCapacity.Authorised && (string.IsNullOrEmpty(number) || grant.DecisionDate is null))
            throw Refused("Ký thừa ủy quyền phải có văn bản ủy quyền: hãy ghi số và ngày của quyết định ủy quyền (NĐ30 Điều 13.4).",
                "An authorisation without its decision.");
        if (number is { Length: > 50 })
            throw Refused("Số văn bản ủy quyền dài quá 50 ký tự.", "Decision number too long.");
        var authorisation = new SigningAuthorisation
        {
            Id = Guid.CreateVersion7(),
            UserName = person.UserName,
            Capacity = grant.Capacity,
            DocumentTypes = types,
            ValidFrom = grant.ValidFrom.ToUniversalTime(),
            ValidUntil = grant.ValidUntil.ToUniversalTime(),
            DecisionNumber = string.IsNullOrEmpty(number) ? null : number,
            DecisionDate = grant.DecisionDate,
            GrantedBy = grantedBy,
            GrantedAt = time.GetUtcNow(),
        };
        db.Add(authorisation);
        await db.SaveChangesAsync(cancellationToken);
        return authorisation;
    }

    /// <summary>Ends an authorisation now; one revoked already stays as it was.</summary>
    public async Task<SigningAuthorisation> RevokeAsync(Guid id, string revokedBy, CancellationToken cancellationToken)
    {
        var authorisation = await db.Set<SigningAuthorisation>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new AuthorisationRefusedException(RefusalKind.NotFound, "Không có văn bản giao ký này.", $"No authorisation {id}.");
        if (authorisation.RevokedAt is null)
        {
            authorisation.RevokedAt = time.GetUtcNow();
            authorisation.RevokedBy = revokedBy;
            await db.SaveChangesAsync(cancellationToken);
        }

        return authorisation;
    }

    /// <summary>The people besides the leaders who may sign a document of this type now, by an authorisation.</summary>
    public async Task<List<string>> GranteesAsync(string typeCode, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return [.. (await GrantsAsync(null, cancellationToken)).Where(a => a.Covers(a.UserName, a.Capacity, typeCode, now))
            .Select(a => a.UserName).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// The capacity <paramref name="signer"/> signs a document of <paramref name="typeCode"/> in at <paramref name="at"/>:
    /// the one asked for, else the one their rank or single authorisation gives. Refused (422) when nothing allows it.
    /// </summary>
    public async Task<SignerCapacity> ResolveAsync(Person signer, string typeCode, SigningCapacity? requested, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var head = options.Value.HeadTitle;
        var capacity = requested ?? signer.Rank switch
        {
            LeaderRank.Director => SigningCapacity.Head,
            LeaderRank.Deputy => SigningCapacity.OnBehalf,
            _ => (await GrantsAsync(signer.UserName, cancellationToken)).Where(a => a.Covers(signer.UserName, a.Capacity, typeCode, at))
                .Select(a => (SigningCapacity?)a.Capacity).Order().FirstOrDefault()
                ?? throw Refused($"{signer.FullName} không có thẩm quyền ký loại văn bản {typeCode}: không phải Lãnh đạo Sở và không được Giám đốc giao ký (NĐ30 Điều 13).",
                    $"{signer.UserName} has no capacity to sign {typeCode}."),
        };
        switch (capacity)
        {
            case SigningCapacity.Head when signer.Rank == LeaderRank.Director:
                return new(capacity, null);
            case SigningCapacity.OnBehalf when signer.Rank == LeaderRank.Deputy:
                return new(capacity, $"KT. {head}");
            case SigningCapacity.Collective when signer.Rank == LeaderRank.Director:
                return new(capacity, $"TM. {options.Value.CollectiveTitle}");
            case SigningCapacity.Head or SigningCapacity.OnBehalf:
                throw Refused(capacity == SigningCapacity.Head
                        ? $"Chỉ Giám đốc ký với thẩm quyền của mình; {signer.FullName} không phải Giám đốc (NĐ30 Điều 13.1)."
                        : $"Chỉ Phó Giám đốc ký thay (KT.) Giám đốc; {signer.FullName} không phải Phó Giám đốc (NĐ30 Điều 13.1).",
                    $"{signer.UserName} may not sign as {capacity}.");
        }

        var grants = await GrantsAsync(signer.UserName, cancellationToken);
        var covering = grants.FirstOrDefault(a => a.Covers(signer.UserName, capacity, typeCode, at));
        if (covering is null)
        {
            // The most telling reason: of an authorisation for this type if there is one, the latest first.
            var why = grants.Where(a => a.Capacity == capacity).OrderByDescending(a => a.DocumentTypes.Contains(typeCode, StringComparer.Ordinal))
                .ThenByDescending(a => a.ValidUntil).Select(a => a.WhyNot(typeCode, at)).FirstOrDefault(w => w is not null);
            throw Refused($"{signer.FullName} không được ký {SignerCapacity.Describe(capacity)} văn bản loại {typeCode}: "
                + (why is null ? "Giám đốc chưa giao" : $"văn bản giao ký {why}") + " (NĐ30 Điều 13).",
                $"{signer.UserName} has no authorisation {capacity} covering {typeCode} at {at:O}.");
        }

        var competence = capacity == SigningCapacity.Collective ? $"TM. {options.Value.CollectiveTitle}" : $"{SignerCapacity.Prefix(capacity)} {head}";
        return new(capacity, competence, covering.Id, covering.Reference);
    }

    /// <summary>The authorisations of the person (or of everybody), revoked and expired ones too: they explain a refusal.</summary>
    private async Task<List<SigningAuthorisation>> GrantsAsync(string? userName, CancellationToken cancellationToken)
    {
        var query = db.Set<SigningAuthorisation>().AsNoTracking();
        if (userName is not null)
            query = query.Where(a => a.UserName == userName);
        return await query.ToListAsync(cancellationToken);
    }

    private static AuthorisationRefusedException Refused(string detailVi, string message) => AuthorisationRefusedException.Invalid(detailVi, message);
}
