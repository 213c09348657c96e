using System.Globalization;
using DocBpm.Documents.Records;
using DocBpm.Web.Components;
using DocBpm.Web.Organisation;

namespace DocBpm.Web.Records;

/// <summary>The plan page's heading form: a new heading, or the one named by <see cref="Id"/> renamed.</summary>
public sealed class HeadingForm
{
    public string? Id { get; set; }

    /// <summary>The heading being renamed; none (the hidden field posts an empty value) for a new one.</summary>
    public Guid? Edited => Guid.TryParse(Id, out var id) ? id : null;

    public string? Title { get; set; }
    public string? Abbreviation { get; set; }
}

/// <summary>
/// The plan page's file form (NĐ30 Phụ lục V's columns): a new planned file, or the one named by <see cref="Id"/> changed.
/// <see cref="Keeper"/> is a choice of the people directory (<c>person:login</c> or <c>unit:code</c>), never a typed login;
/// a person brings his unit into the plan's column "Đơn vị, người lập hồ sơ".
/// </summary>
public sealed class PlannedFileForm
{
    public string? Id { get; set; }

    /// <summary>The planned file being changed; none (the hidden field posts an empty value) for a new one.</summary>
    public Guid? Edited => Guid.TryParse(Id, out var id) ? id : null;

    public string? HeadingId { get; set; }
    public string? Title { get; set; }
    public string? Retention { get; set; }
    public string? Keeper { get; set; }
    public string? Note { get; set; }

    public static PlannedFileForm Of(RecordFile file, IReadOnlyList<HandlerChoice> keepers) => new()
    {
        Id = file.Id.ToString(), HeadingId = file.HeadingId?.ToString(), Title = file.Title, Retention = Documents.Records.Retention.Vietnamese(file.RetentionYears),
        Keeper = (keepers.FirstOrDefault(c => file.Keeper is not null && c.UserName == file.Keeper)
            ?? keepers.FirstOrDefault(c => file.Keeper is null && c.UserName is null && c.UnitCode == file.UnitCode))?.Value,
        Note = file.Note,
    };

    /// <summary>
    /// The form as the plan's input. A retention that is neither a row of the schedule, "Vĩnh viễn" nor a number of years,
    /// and a keeper who is not one of <paramref name="keepers"/>, are refused beside their fields.
    /// </summary>
    public PlannedFileInput Input(IReadOnlyList<RetentionRule> schedule, IReadOnlyList<HandlerChoice> keepers)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RetentionChoice.TryParse(Retention, schedule, out var years))
            errors["retention"] = [$"Chọn thời hạn bảo quản trong bảng thời hạn bảo quản, hoặc ghi \"Vĩnh viễn\" hay số năm từ 1 đến {Documents.Records.Retention.MaxYears}."];
        var keeper = keepers.FirstOrDefault(c => c.Value == Keeper);
        if (keeper is null && !string.IsNullOrEmpty(Keeper))
            errors["keeper"] = ["Chọn đơn vị hoặc người lập hồ sơ trong danh sách."];
        FormInputException.ThrowIfAny(errors);
        return new PlannedFileInput(Guid.TryParse(HeadingId, out var heading) ? heading : Guid.Empty, Title ?? "", years, keeper?.UserName,
            keeper?.UnitCode, Note);
    }
}

/// <summary>
/// The retention pick-list: each row of the schedule (source, group, item, period) as one searchable choice, whose period
/// is what the plan keeps; "Vĩnh viễn" or a number of years typed directly are read too.
/// </summary>
public static class RetentionChoice
{
    public static string Label(RetentionRule rule) => $"{rule.Source} — {rule.Group} — {rule.Item}: {Retention.Vietnamese(rule.Years)}";

    public static bool TryParse(string? text, IReadOnlyList<RetentionRule> schedule, out int? years)
    {
        years = null;
        var value = text?.Trim() ?? "";
        if (schedule.FirstOrDefault(r => Label(r) == value) is { } rule)
        {
            years = rule.Years;
            return true;
        }

        if (string.Equals(value, Retention.Vietnamese(null), StringComparison.OrdinalIgnoreCase))
            return true;
        var number = value.EndsWith(" năm", StringComparison.OrdinalIgnoreCase) ? value[..^4].Trim() : value;
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= Retention.MaxYears)
        {
            years = n;
            return true;
        }

        return false;
    }
}
