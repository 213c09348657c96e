using DocBpm.Documents.Outgoing;
using Microsoft.AspNetCore.Http;

namespace DocBpm.Web.Outgoing;

/// <summary>Reads the recipients a draft form posted (comma-separated codes per kind, agencies as the chosen options; see OutgoingRecipientFields).</summary>
public static class RecipientFields
{
    /// <summary>The options chosen in the agencies list arrive as one value each; StringValues joins them with commas.</summary>
    public static List<RecipientChoice> Read(IFormCollection form) =>
    [
        .. Codes(form["units"]).Select(c => new RecipientChoice(RecipientKind.Unit, c)),
        .. Codes(form["people"]).Select(c => new RecipientChoice(RecipientKind.Person, c)),
        .. Codes(form["agencies"].ToString()).Select(c => new RecipientChoice(RecipientKind.Agency, c)),
    ];

    public static string[] Codes(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
