using DocBpm.Engine;

namespace DocBpm.Web.Components;

/// <summary>A page form's input refused before any step ran: the messages stand beside their fields (camelCase names).</summary>
public sealed class FormInputException(IReadOnlyDictionary<string, string[]> errors)
    : RefusedException(RefusalKind.Malformed, "Dữ liệu không hợp lệ", "Vui lòng sửa các trường được chỉ ra. Không có thay đổi nào được lưu.",
        "Form input refused: " + string.Join("; ", errors.Keys))
{
    public override IReadOnlyDictionary<string, string[]> FieldErrors => errors;

    public static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
            throw new FormInputException(errors);
    }
}
