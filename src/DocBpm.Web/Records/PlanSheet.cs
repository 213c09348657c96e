using System.Globalization;
using DocBpm.Documents.Records;
using DocBpm.Documents.Registers;
using DocBpm.Web.Organisation;

namespace DocBpm.Web.Records;

/// <summary>
/// The annual file plan as the decree's form (NĐ30 Phụ lục V, mẫu Danh mục hồ sơ): each top heading as a row of its own,
/// its files under it with their notation, title, retention and keeper, and the closing count of permanent and limited
/// files; printed by the registers' printers (PDF, XLSX).
/// </summary>
public static class PlanSheet
{
    public static RegisterFile Print(PlanView plan, string agencyName, PeopleNames names, RegisterFileFormat format)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var heading in plan.Headings)
        {
            rows.Add(["", $"{heading.Numeral}. {heading.Title.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}", "", "", ""]);
            rows.AddRange(plan.Files.Where(f => f.HeadingId == heading.Id)
                .Select(f => (IReadOnlyList<string>)[f.Notation, f.Title, f.Retention, names.Of(f.Keeper ?? f.UnitCode), f.Note ?? ""]));
        }

        var approval = plan.State != FilePlanState.Approved ? "(Dự thảo, chưa được Giám đốc phê duyệt)"
            : plan.Decision is { Length: > 0 } decision ? $"(Kèm theo Quyết định số {decision} ngày {RegisterFormat.Date(plan.ApprovedAt!.Value)} của Giám đốc)"
            : $"(Giám đốc phê duyệt ngày {RegisterFormat.Date(plan.ApprovedAt!.Value)})";
        var sheet = new RegisterSheet($"DANH MỤC HỒ SƠ CỦA {agencyName.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}", $"Năm {plan.Year}",
            new DateOnly(plan.Year, 1, 1), new DateOnly(plan.Year, 12, 31), null, null,
            [
                new("Số và ký hiệu hồ sơ", 0.13), new("Tên đề mục và tiêu đề hồ sơ", 0.42), new("Thời hạn bảo quản", 0.12),
                new("Đơn vị/người lập hồ sơ", 0.18), new("Ghi chú", 0.15),
            ],
            rows,
            [
                approval,
                $"Bản danh mục hồ sơ này có {plan.Files.Count} hồ sơ, bao gồm: {plan.Permanent} hồ sơ có thời hạn bảo quản vĩnh viễn; "
                    + $"{plan.Limited} hồ sơ có thời hạn bảo quản có thời hạn.",
            ],
            "Danh mục hồ sơ");
        return RegisterFile.Print(sheet, $"danh-muc-ho-so-{plan.Year}", format);
    }
}
