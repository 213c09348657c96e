using DocBpm.Documents.Outgoing;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Outgoing;

/// <summary>
/// The agencies a development machine can send to. These are DEMO identifier codes in the QĐ 20/2020 format
/// (CCC.BB.AA.XNN, Lạng Sơn as H37): the real ones come from the province's published code list and are entered by the
/// administrator through /api/agencies.
/// </summary>
public static class AgencyDirectorySeed
{
    public static IReadOnlyList<(string Code, string Name)> Agencies { get; } =
    [
        ("000.00.00.H37", "UBND tỉnh Lạng Sơn"),
        ("000.00.01.H37", "Văn phòng UBND tỉnh Lạng Sơn"),
        ("000.00.04.G12", "Bộ Giáo dục và Đào tạo"),
        ("000.00.13.H37", "Sở Tài chính tỉnh Lạng Sơn"),
        ("000.00.14.H37", "Sở Nội vụ tỉnh Lạng Sơn"),
        ("000.00.15.H37", "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn"),
        ("000.00.16.H37", "Sở Y tế tỉnh Lạng Sơn"),
        ("000.05.20.H37", "Phòng Giáo dục và Đào tạo thành phố Lạng Sơn"),
        ("000.05.21.H37", "Phòng Giáo dục và Đào tạo huyện Cao Lộc"),
        ("000.05.22.H37", "Phòng Giáo dục và Đào tạo huyện Lộc Bình"),
        ("000.05.23.H37", "Phòng Giáo dục và Đào tạo huyện Hữu Lũng"),
    ];

    /// <summary>Adds the agencies that are missing; what the administrator changed stays.</summary>
    public static async Task SeedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var known = await db.Set<AgencyEntry>().Select(a => a.Code).ToListAsync(cancellationToken);
        db.Set<AgencyEntry>().AddRange(Agencies.Where(a => !known.Contains(a.Code)).Select(a => new AgencyEntry { Code = a.Code, Name = a.Name }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
