using DocBpm.Documents.Coordination;
using DocBpm.Engine.Runtime;

namespace DocBpm.Web.Coordination;

/// <summary>What the opinions section of a record's page shows: the opinions and whether the reader may give one.</summary>
public sealed record CoordinationPanel(CoordinationView View, bool MayGive)
{
    public static CoordinationPanel Empty { get; } = new(new CoordinationView([], []), false);

    /// <summary>
    /// Loaded by the page before it renders the section: a section loading its own would share the request's DbContext
    /// with the page and the page's other components while their queries run (docs/architecture.md).
    /// </summary>
    public static async Task<CoordinationPanel> LoadAsync(CoordinationOpinions opinions, CoordinationPlace place, Func<Guid, string> fileUrl,
        TaskActor reader, CancellationToken cancellationToken)
    {
        var view = await opinions.ViewAsync(place, fileUrl, cancellationToken);
        return new(view, await opinions.OpenItemAsync(place, reader, cancellationToken) is not null);
    }
}
