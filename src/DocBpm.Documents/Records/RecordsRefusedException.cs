using DocBpm.Engine;

namespace DocBpm.Documents.Records;

/// <summary>A rule of the file plan or of a file refused the request; nothing was stored. <see cref="Rule"/> names it for clients.</summary>
public sealed class RecordsRefusedException(RefusalKind kind, string rule, string detailVi, string message)
    : DocumentRefusedException(kind, "Không thực hiện được với hồ sơ", detailVi, message)
{
    public string Rule { get; } = rule;

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?> { ["rule"] = Rule };

    public static RecordsRefusedException NotFound(string what, Guid id) =>
        new(RefusalKind.NotFound, "not-found", $"Không tìm thấy {what} hoặc bạn không được xem.", $"{what} {id} does not exist or is not visible.");

    public static RecordsRefusedException Invalid(string rule, string detailVi, string message) => new(RefusalKind.Invalid, rule, detailVi, message);

    public static RecordsRefusedException Forbidden(string rule, string detailVi, string message) => new(RefusalKind.Forbidden, rule, detailVi, message);
}
