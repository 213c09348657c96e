using DocBpm.Engine.Activities;

namespace DocBpm.Web.Tests.Browser;

/// <summary>
/// An outside call for the monitor's tests: sending a copy to the archive fails while <see cref="ArchiveOutage"/> says
/// the archive is down, so that an incident is raised after one attempt and an admin can retry it once it is back.
/// </summary>
[Activity("ArchiveCopy", Category = "Kiểm thử", DisplayName = "Gửi bản sao lưu trữ", Asynchronous = true, MaxAttempts = 1)]
public sealed class ArchiveCopy(ArchiveOutage outage) : IActivity
{
    public ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        outage.IsDown
            ? throw new HttpRequestException("Kho lưu trữ không phản hồi (503).")
            : ValueTask.FromResult(Outcome.Done);
}

public sealed class ArchiveOutage
{
    public bool IsDown { get; set; } = true;
}
