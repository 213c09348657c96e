namespace DocBpm.Documents.Organisation;

public sealed record Person(string UserName, string FullName, string? UnitCode);

/// <summary>The people of the Department as the documents see them; the host's accounts implement it.</summary>
public interface IPeopleDirectory
{
    Task<Person?> FindAsync(string userName, CancellationToken cancellationToken);

    /// <summary>The heads of a unit: work assigned to the unit reaches them, and they hand it on.</summary>
    Task<IReadOnlyList<Person>> UnitHeadsAsync(string unitCode, CancellationToken cancellationToken);
}
