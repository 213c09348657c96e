using DocBpm.Engine;

namespace DocBpm.Documents.Records;

/// <summary>A rule of the file plan or of a file refused the request; nothing was stored. <see cref="Rule"/> names it for clients.</summary>
public sealed class RecordsRefusedException(RefusalKind kind, string rule, string detailVi, string message, string? fieldName = null)
    : DocumentRefusedException(kind, "Không thực hiện được với hồ sơ", detailVi, message)
{
    public string Rule { get; } = rule;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["rule"] = Rule };

    /// <summary>A refusal about one field (camelCase) says so, so that a page form shows it beside that field.</summary>
    public override IReadOnlyDictionary<string, string[]> FieldErrors =>
        fieldName is null ? base.FieldErrors : new Dictionary<string, string[]> { [fieldName] = [DetailVi] };

    public static RecordsRefusedException NotFound(string what, Guid id) =>
        new(RefusalKind.NotFound, "not-found", $"Không tìm thấy {what} hoặc bạn không được xem.", $"{what} {id} does not exist or is not visible.");

    public static RecordsRefusedException Invalid(string rule, string detailVi, string message, string? fieldName = null) =>
        new(RefusalKind.Invalid, rule, detailVi, message, fieldName);

    public static RecordsRefusedException Forbidden(string rule, string detailVi, string message) => new(RefusalKind.Forbidden, rule, detailVi, message);
}
