using DocBpm.Documents.Access;
using DocBpm.Documents.Exchange;
using DocBpm.Documents.Records;
using DocBpm.Engine.Timers;
using DocBpm.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.Records;

/// <summary>A submission's files as the papers and the package describe them: the file, its document list, its handover.</summary>
public sealed record HandedOver(RecordHandover Handover, RecordFile File, FileView View)
{
    public HandedFile Printed => new(View.File.Code, File.Title, File.StartDate, File.EndDate, File.RetentionYears, View.Documents.Count,
        View.Documents.Sum(d => d.Pages ?? 0), File.Note);
}

/// <summary>Loads what the submission list, the receipt record and the package of one submission are made of.</summary>
public sealed class HandoverPapers(Handovers handovers, RecordFiles records, DbContext db, IOptions<AxisConnection> agency, PeopleNames names)
{
    public string AgencyName => agency.Value.AgencyName;

    /// <summary>The submission's files, or only those the archivist accepted (the receipt record, the package).</summary>
    public async Task<(HandoverPrint Print, List<HandedOver> Files)> LoadAsync(Guid submissionId, bool acceptedOnly, Reader reader,
        CancellationToken cancellationToken)
    {
        var submission = await handovers.SubmissionAsync(submissionId, reader, cancellationToken);
        var rows = await handovers.HandedOverAsync(acceptedOnly ? HandoverState.Accepted : null, submission.Id, reader, cancellationToken);
        if (acceptedOnly && rows.Count == 0)
            throw RecordsRefusedException.Invalid("none-accepted",
                "Chưa có hồ sơ nào của đợt nộp lưu này được Lưu trữ cơ quan tiếp nhận; chưa lập được biên bản giao nhận hay gói tin nộp lưu.",
                $"Submission {submissionId} has no accepted file.");
        await names.LoadAsync(cancellationToken);
        var files = new List<HandedOver>();
        foreach (var (handover, file) in rows)
            files.Add(new HandedOver(handover, file, await RecordViews.ViewAsync(file, records.OrganId, AgencyName, db, cancellationToken)));
        var receiver = rows.Select(r => r.Handover.DecidedBy).FirstOrDefault(n => n is not null);
        var date = acceptedOnly ? rows.Max(r => r.Handover.DecidedAt!.Value) : submission.SubmittedAt;
        var print = new HandoverPrint(AgencyName, names.Of(submission.UnitCode), names.Of(submission.SubmittedBy),
            receiver is null ? "Lưu trữ cơ quan" : names.Of(receiver), VietnamTime.DateOf(date), [.. files.Select(f => f.Printed)]);
        return (print, files);
    }
}
