using System.Globalization;
using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Authorisations;

/// <summary>
/// The Director lets one person sign some types of document in one capacity for a period (NĐ30 Art. 13.3–13.4): TL.
/// as the working rules assign it, TUQ. by a written decision with a time limit. Revoking keeps the row for the record.
/// </summary>
public sealed class SigningAuthorisation
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public SigningCapacity Capacity { get; set; }

    /// <summary>The document type codes it covers (Phụ lục III), e.g. ["CV", "TB"].</summary>
    public List<string> DocumentTypes { get; set; } = [];

    public DateTimeOffset ValidFrom { get; set; }

    /// <summary>The first instant it no longer covers: at exactly this instant it has expired.</summary>
    public DateTimeOffset ValidUntil { get; set; }

    /// <summary>Số và ngày của văn bản ủy quyền (TUQ., Art. 13.4 "phải được thực hiện bằng văn bản").</summary>
    public string? DecisionNumber { get; set; }

    public DateOnly? DecisionDate { get; set; }
    public required string GrantedBy { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool Covers(string userName, SigningCapacity capacity, string typeCode, DateTimeOffset at) =>
        RevokedAt is null && Capacity == capacity && string.Equals(UserName, userName, StringComparison.OrdinalIgnoreCase)
        && DocumentTypes.Contains(typeCode, StringComparer.Ordinal) && ValidFrom <= at && at < ValidUntil;

    public string? Reference => DecisionNumber is null ? null
        : DecisionDate is { } date ? $"Quyết định số {DecisionNumber} ngày {date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"
        : $"Quyết định số {DecisionNumber}";

    /// <summary>Why it does not cover a signature at <paramref name="at"/>, for the refusal; null when it does.</summary>
    public string? WhyNot(string typeCode, DateTimeOffset at) =>
        RevokedAt is not null ? "đã bị thu hồi"
        : at < ValidFrom ? $"chỉ có hiệu lực từ {Local(ValidFrom)}"
        : at >= ValidUntil ? $"đã hết hạn lúc {Local(ValidUntil)}"
        : !DocumentTypes.Contains(typeCode, StringComparer.Ordinal) ? $"không gồm loại văn bản {typeCode}"
        : null;

    private static string Local(DateTimeOffset at) =>
        VietnamTime.ToLocal(at).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
}
