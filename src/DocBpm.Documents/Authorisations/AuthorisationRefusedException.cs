using DocBpm.Engine;

namespace DocBpm.Documents.Authorisations;

/// <summary>A signing capacity or an authorisation was refused (NĐ30 Art. 13) before anything was stored.</summary>
public sealed class AuthorisationRefusedException(RefusalKind kind, string detailVi, string message)
    : DocumentRefusedException(kind, "Không đúng thẩm quyền ký", detailVi, message)
{
    public static AuthorisationRefusedException Invalid(string detailVi, string message) => new(RefusalKind.Invalid, detailVi, message);
}
