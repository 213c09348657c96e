namespace DocBpm.Documents.Access;

/// <summary>The roles of the regulation, by their stored names (the Vietnamese ones people see).</summary>
public static class StaffRole
{
    public const string Clerk = "VanThu";
    public const string Director = "GiamDoc";
    public const string Deputy = "PhoGiamDoc";
    public const string UnitHead = "TruongDonVi";
    public const string Staff = "ChuyenVien";
    public const string OfficeChief = "ChanhVanPhong";
    public const string Administrator = "QuanTri";
    public const string Analyst = "PhanTichNghiepVu";

    /// <summary>Lưu trữ cơ quan (lưu trữ hiện hành under the 2024 law): receives the closed files due for handover (NĐ30 Art. 30–31).</summary>
    public const string Archivist = "LuuTruCoQuan";
}
