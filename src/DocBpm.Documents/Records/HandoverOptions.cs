namespace DocBpm.Documents.Records;

/// <summary>
/// Section <c>Records:Handover</c>: when a closed file falls due for the agency archive. The defaults are NĐ30's
/// (Art. 30.2: one year from the day the work ended; Art. 30.1: files kept five years or more; Phụ lục VI I.III.8: warn
/// 30 days ahead; Art. 30.3: kept back at most two years); the 2024 archives law words the deadline differently
/// (archival.md §1.5), so an administrator changes these rather than the code.
/// </summary>
public sealed class HandoverOptions
{
    public int DelayMonths { get; set; } = 12;
    public int MinimumRetentionYears { get; set; } = 5;
    public int WarningDays { get; set; } = 30;
    public int KeepBackMonths { get; set; } = 24;

    /// <summary>Permanent files and files kept at least <see cref="MinimumRetentionYears"/> go to the archive; the rest stay with the unit.</summary>
    public bool Applies(RecordFile file) => file.State == RecordFileState.Closed && Retained(file.RetentionYears);

    /// <summary>Whether a retention (null: permanent) puts a file under handover.</summary>
    public bool Retained(int? retentionYears) => retentionYears is null || retentionYears >= MinimumRetentionYears;

    /// <summary>The day the file is due by the rule alone, before any keep-back.</summary>
    public DateOnly DueDate(RecordFile file) => file.EndDate!.Value.AddMonths(DelayMonths);

    /// <summary>The latest day a keep-back may run to.</summary>
    public DateOnly KeepBackLimit(DateOnly dueDate) => dueDate.AddMonths(KeepBackMonths);
}
