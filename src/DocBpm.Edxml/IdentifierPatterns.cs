using System.Text.RegularExpressions;

namespace DocBpm.Edxml;

/// <summary>
/// The identifier shapes accepted from one peer. The national formats (agency code <c>CCC.BB.AA.XNN</c>, document
/// identifier <c>agency,yyyy/MM/dd,number/notation</c>) always are; an administrator adds, per peer, the regular
/// expressions of other shapes it uses (UUID document identifiers, sandbox or enterprise-axis agency codes).
/// </summary>
public sealed class IdentifierPatterns
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly string[] agencyPatterns;
    private readonly string[] documentIdPatterns;
    private readonly Regex[] agencyCodes;
    private readonly Regex[] documentIds;

    public IdentifierPatterns(IEnumerable<string> agencyCodes, IEnumerable<string> documentIds)
    {
        agencyPatterns = [.. agencyCodes];
        documentIdPatterns = [.. documentIds];
        this.agencyCodes = [.. agencyPatterns.Select(Compile)];
        this.documentIds = [.. documentIdPatterns.Select(Compile)];
    }

    public static IdentifierPatterns National { get; } = new([], []);

    public bool IsAgencyCode(string text) => AgencyCode.TryParse(text, out _) || agencyCodes.Any(p => Matches(p, text));

    public bool IsDocumentId(string text) => DocumentIdentifier.TryParse(text, out _) || documentIds.Any(p => Matches(p, text));

    /// <summary>The accepted agency code shapes, as a refusal names them.</summary>
    public string AgencyCodeShapes => string.Join(" hoặc ", ["CCC.BB.AA.XNN", .. agencyPatterns]);

    /// <summary>The accepted document identifier shapes, as a refusal names them.</summary>
    public string DocumentIdShapes => string.Join(" hoặc ", ["mã cơ quan,yyyy/MM/dd,số/ký hiệu", .. documentIdPatterns]);

    /// <summary>A pattern too slow for an identifier does not match it: a hostile value cannot hold the intake.</summary>
    private static bool Matches(Regex pattern, string text)
    {
        try
        {
            return pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>A pattern matches the whole identifier, whether or not the administrator anchored it.</summary>
    private static Regex Compile(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant, MatchTimeout);
}

/// <summary>
/// The administrator's setting of the identifier shapes one peer uses beyond the national ones (configuration: DocBpm's
/// <c>Exchange:Peers:{agency code}</c>, the axis's <c>Axis:Agencies:{n}:Identifiers</c>); regular expressions, each
/// matched against the whole identifier.
/// </summary>
public sealed class PeerIdentifierOptions
{
    public List<string> AgencyCodePatterns { get; set; } = [];
    public List<string> DocumentIdPatterns { get; set; } = [];

    public IdentifierPatterns ToPatterns() => new(AgencyCodePatterns, DocumentIdPatterns);
}
