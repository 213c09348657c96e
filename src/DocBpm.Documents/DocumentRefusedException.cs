using DocBpm.Engine;

namespace DocBpm.Documents;

/// <summary>A rule of the document domain refused the request before anything was stored.</summary>
public class DocumentRefusedException(RefusalKind kind, string titleVi, string detailVi, string message, Exception? inner = null)
    : RefusedException(kind, titleVi, detailVi, message, inner);
