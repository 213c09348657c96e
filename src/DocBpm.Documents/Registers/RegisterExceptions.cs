using DocBpm.Engine;

namespace DocBpm.Documents.Registers;

public sealed class RegisterBookNotFoundException(Guid bookId)
    : DocumentRefusedException(RefusalKind.NotFound, "Không tìm thấy sổ đăng ký",
        "Sổ đăng ký văn bản không tồn tại.", $"Register book {bookId} does not exist.")
{
    public Guid BookId { get; } = bookId;
}

public sealed class RegisterBookInactiveException(RegisterBook book)
    : DocumentRefusedException(RefusalKind.Conflict, "Sổ đăng ký đã ngừng sử dụng",
        $"Sổ '{book.Name}' đã ngừng sử dụng; không cấp số mới. Không có thay đổi nào được lưu.",
        $"Register book {book.Code} is inactive; it allocates no numbers.")
{
    public Guid BookId { get; } = book.Id;
}

public sealed class RegisterBookInvalidException(string detailVi, string message, Exception? inner = null)
    : DocumentRefusedException(RefusalKind.Invalid, "Sổ đăng ký không hợp lệ", detailVi, message, inner);
