using DocBpm.Documents;
using DocBpm.Documents.Incoming;
using Microsoft.AspNetCore.Components.Forms;

namespace DocBpm.Web.Components;

/// <summary>
/// Shows the domain's refusals on a form: field messages beside their fields (the domain names fields in camelCase,
/// the forms in PascalCase), anything else as the form's own message.
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
        catch (IncomingValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
                store.Add(context.Field(char.ToUpperInvariant(field[0]) + field[1..]), messages);
        }
        catch (DocumentRefusedException refused)
        {
            Problem = refused.DetailVi;
        }
        catch (Engine.Runtime.ConcurrencyConflictException)
        {
            Problem = "Văn bản vừa được người khác xử lý cùng lúc. Không có thay đổi nào được lưu; vui lòng tải lại trang.";
        }

        context.NotifyValidationStateChanged();
        return false;
    }
}
