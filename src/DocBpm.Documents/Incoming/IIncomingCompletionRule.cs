namespace DocBpm.Documents.Incoming;

/// <summary>
/// A rule another feature adds to completing (kết thúc) an incoming document: it refuses by throwing, or changes its own
/// rows, which are stored in the completion's SaveChanges.
/// </summary>
public interface IIncomingCompletionRule
{
    Task ApplyAsync(IncomingDocument document, string by, DateTimeOffset at, CancellationToken cancellationToken);
}
