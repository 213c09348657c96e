using DocBpm.Documents.Outgoing;
using Microsoft.AspNetCore.Http;

namespace DocBpm.Web.Outgoing;

/// <summary>Reads the recipients a draft form posted (comma-separated codes per kind, see OutgoingRecipientFields).</summary>
public static class RecipientFields
{
    public static List<RecipientChoice> Read(IFormCollection form) =>
    [
        .. Codes(form["units"]).Select(c => new RecipientChoice(RecipientKind.Unit, c)),
        .. Codes(form["people"]).Select(c => new RecipientChoice(RecipientKind.Person, c)),
        .. Codes(form["agencies"]).Select(c => new RecipientChoice(RecipientKind.Agency, c)),
    ];

    public static string[] Codes(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
