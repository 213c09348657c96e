using DocBpm.Documents.Outgoing;
using Microsoft.AspNetCore.Http;

namespace DocBpm.Web.Outgoing;

/// <summary>Reads the recipients a draft form posted: each chosen option of the units, people and agencies lists (see OutgoingRecipientFields).</summary>
public static class RecipientFields
{
    public static List<RecipientChoice> Read(IFormCollection form) =>
    [
        .. Chosen(form, "units").Select(c => new RecipientChoice(RecipientKind.Unit, c)),
        .. Chosen(form, "people").Select(c => new RecipientChoice(RecipientKind.Person, c)),
        .. Chosen(form, "agencies").Select(c => new RecipientChoice(RecipientKind.Agency, c)),
    ];

    private static string[] Codes(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Chosen(IFormCollection form, string list) => form[list].SelectMany(Codes);
}
