using DocBpm.Engine;
using Microsoft.AspNetCore.Components.Forms;

namespace DocBpm.Web.Components;

/// <summary>
/// Shows the refusals on a form: field messages beside their fields (the domain names fields in camelCase, the forms in
/// PascalCase), anything else as the form's own message; each refusal logged for <paramref name="http"/>'s request.
/// </summary>
public sealed class FormErrors(EditContext context, HttpContext http)
{
    private readonly ValidationMessageStore store = new(context);

    public string? Problem { get; private set; }

    /// <summary>The field messages of the last refusal, for the summary above the form.</summary>
    public IReadOnlyList<string> FieldMessages { get; private set; } = [];

    public bool Refused => Problem is not null || FieldMessages.Count > 0;

    /// <summary>Runs the action; a refusal becomes messages and false, never a lost form.</summary>
    public async Task<bool> TryAsync(Func<Task> action)
    {
        store.Clear();
        Problem = null;
        FieldMessages = [];
        try
        {
            await action();
            return true;
        }
        catch (RefusedException refused) when (refused.FieldErrors.Count > 0)
        {
            PageRefusals.Shown(http, refused);
            foreach (var (field, messages) in refused.FieldErrors)
                store.Add(context.Field(char.ToUpperInvariant(field[0]) + field[1..]), messages);
            FieldMessages = [.. refused.FieldErrors.Values.SelectMany(m => m)];
        }
        catch (RefusedException refused)
        {
            Problem = PageRefusals.Shown(http, refused);
        }

        context.NotifyValidationStateChanged();
        return false;
    }
}
