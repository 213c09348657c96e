namespace DocBpm.Documents.Organisation;

/// <summary>Lãnh đạo Sở: who sign for the Department and supervise its units (Article 9.2a).</summary>
public enum LeaderRank
{
    Director,
    Deputy,
}

/// <summary>A person of the Department: their unit, printed title, rank among the leaders and whether their account is locked.</summary>
public sealed record Person(string UserName, string FullName, string? UnitCode)
{
    public string? Position { get; init; }

    /// <summary>Null for anyone who is not a Director or deputy; a Director who is also a deputy ranks as Director.</summary>
    public LeaderRank? Rank { get; init; }

    public bool IsLocked { get; init; }
}

/// <summary>The people of the Department as the documents see them; the host's accounts implement it.</summary>
public interface IPeopleDirectory
{
    Task<Person?> FindAsync(string userName, CancellationToken cancellationToken);

    /// <summary>The heads of a unit: work assigned to the unit reaches them, and they hand it on.</summary>
    Task<IReadOnlyList<Person>> UnitHeadsAsync(string unitCode, CancellationToken cancellationToken);

    /// <summary>The Directors (Giám đốc), by user name.</summary>
    Task<IReadOnlyList<Person>> DirectorsAsync(CancellationToken cancellationToken);
}
