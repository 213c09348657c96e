using DocBpm.Engine;

namespace DocBpm.Documents.Coordination;

/// <summary>A coordination opinion refused before anything was stored.</summary>
public sealed class CoordinationRefusedException(RefusalKind kind, string detailVi, string message)
    : DocumentRefusedException(kind, "Không ghi được ý kiến phối hợp", detailVi, message);
