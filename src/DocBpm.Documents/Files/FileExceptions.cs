using DocBpm.Engine;

namespace DocBpm.Documents.Files;

/// <summary>A file was refused at intake (format, size, name); nothing was stored.</summary>
public sealed class FileRefusedException(RefusalKind kind, string fileName, string detailVi, string message)
    : DocumentRefusedException(kind, "Tệp không được chấp nhận", detailVi, message)
{
    public string FileName { get; } = fileName;
}

/// <summary>The stored file no longer matches its SHA-256: it is reported, never served.</summary>
public sealed class FileIntegrityException(Guid fileId)
    : DocumentRefusedException(RefusalKind.Damaged, "Tệp đã bị thay đổi hoặc hư hỏng",
        "Nội dung tệp không còn khớp với mã băm SHA-256 đã lưu khi tiếp nhận, nên không được cung cấp. Vui lòng báo quản trị hệ thống.",
        $"Stored file {fileId} does not match its SHA-256; it was changed or damaged.")
{
    public Guid FileId { get; } = fileId;
}

public sealed class StoredFileNotFoundException(Guid fileId)
    : DocumentRefusedException(RefusalKind.NotFound, "Không tìm thấy tệp", "Tệp không tồn tại.", $"Stored file {fileId} does not exist.")
{
    public Guid FileId { get; } = fileId;
}
