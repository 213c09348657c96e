using DocBpm.Engine;
using Microsoft.AspNetCore.Components.Forms;

namespace DocBpm.Web.Components;

/// <summary>
/// Shows the refusals on a form: field messages beside their fields (the domain names fields in camelCase, the forms in
/// PascalCase), anything else as the form's own message.
/// </summary>
public sealed class FormErrors(EditContext context)
{
    private readonly ValidationMessageStore store = new(context);

    public string? Problem { get; private set; }

    /// <summary>Runs the action; a refusal becomes messages and false, never a lost form.</summary>
    public async Task<bool> TryAsync(Func<Task> action)
    {
        store.Clear();
        Problem = null;
        try
        {
            await action();
            return true;
        }
        catch (RefusedException refused) when (refused.FieldErrors.Count > 0)
        {
            foreach (var (field, messages) in refused.FieldErrors)
                store.Add(context.Field(char.ToUpperInvariant(field[0]) + field[1..]), messages);
        }
        catch (RefusedException refused)
        {
            Problem = refused.DetailVi;
        }

        context.NotifyValidationStateChanged();
        return false;
    }
}
