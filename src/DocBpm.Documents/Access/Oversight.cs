using System.Collections.Frozen;

namespace DocBpm.Documents.Access;

/// <summary>What a role follows in full, whoever it is assigned to.</summary>
[Flags]
public enum Overseen
{
    None = 0,
    Incoming = 1,
    Outgoing = 2,
    ProvincialTasks = 4,
}

/// <summary>
/// The one table of the roles that see everything of a kind; everyone else sees what is theirs (see <see cref="Reader"/>).
/// The Director, the clerks and the office chief follow all documents and tasks (they register, instruct, issue and
/// supervise them). A deputy follows all incoming documents and tasks (offered the Director's step, overseeing the
/// units), but of the outgoing drafts only those of the units they supervise. The IT admin follows the provincial tasks'
/// progress but reads no document that is not theirs: administering the system gives no right to read its documents,
/// confidential drafts included. Business analysts and everyone else follow nothing in full.
/// </summary>
public static class Oversight
{
    private static readonly FrozenDictionary<string, Overseen> Table = new Dictionary<string, Overseen>
    {
        [StaffRole.Director] = Overseen.Incoming | Overseen.Outgoing | Overseen.ProvincialTasks,
        [StaffRole.Deputy] = Overseen.Incoming | Overseen.ProvincialTasks,
        [StaffRole.Clerk] = Overseen.Incoming | Overseen.Outgoing | Overseen.ProvincialTasks,
        [StaffRole.OfficeChief] = Overseen.Incoming | Overseen.Outgoing | Overseen.ProvincialTasks,
        [StaffRole.Administrator] = Overseen.ProvincialTasks,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Follows(IEnumerable<string> roles, Overseen kind) =>
        roles.Any(role => Table.TryGetValue(role, out var overseen) && overseen.HasFlag(kind));
}
