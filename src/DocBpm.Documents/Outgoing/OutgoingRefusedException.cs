using DocBpm.Engine;

namespace DocBpm.Documents.Outgoing;

/// <summary>An outgoing document's rule refused the request before anything was stored.</summary>
public sealed class OutgoingRefusedException(RefusalKind kind, string detailVi, string message)
    : DocumentRefusedException(kind, "Không thực hiện được với văn bản đi", detailVi, message)
{
    public static OutgoingRefusedException NotFound(Guid id) =>
        new(RefusalKind.NotFound, "Văn bản đi không tồn tại hoặc bạn không được xem.", $"Outgoing document {id} does not exist or is not visible.");

    public static OutgoingRefusedException Invalid(string detailVi, string message) => new(RefusalKind.Invalid, detailVi, message);

    public static OutgoingRefusedException Conflict(string detailVi, string message) => new(RefusalKind.Conflict, detailVi, message);
}
