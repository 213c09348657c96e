namespace DocBpm.Documents.Coordination;

/// <summary>The records of one process that take coordination opinions: which instance is a record's own.</summary>
public interface ICoordinatedRecords
{
    /// <summary>The process whose records these are.</summary>
    string ProcessKey { get; }

    /// <summary>The instance the record's flow started (<see cref="OwnInstance"/>); its items are the only ones an opinion completes.</summary>
    Task<Guid?> OwnInstanceAsync(Guid subjectId, CancellationToken cancellationToken);
}
