namespace DocBpm.Documents.Coordination;

/// <summary>A feature that also keeps its own history of the opinions given on its records, in the same SaveChanges.</summary>
public interface ICoordinationJournal
{
    /// <summary>The process whose opinions this journal records.</summary>
    string ProcessKey { get; }

    void Record(CoordinationOpinion opinion);
}
