using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace DocBpm.Web.AccessLog;

/// <summary>
/// Takes a read without touching the database: the page answers at once and <see cref="AccessLogWriter"/> writes the
/// queued reads in batches. A read the full queue cannot take is logged as a warning, never dropped silently.
/// </summary>
public sealed partial class AccessRecorder(TimeProvider time, IOptions<AccessLogOptions> options, ILogger<AccessRecorder> logger)
{
    private readonly Channel<AccessLogEntry> queue = Channel.CreateBounded<AccessLogEntry>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { SingleReader = false, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<AccessLogEntry> Queued => queue.Reader;

    public void Record(string userName, AccessedKind kind, Guid itemId)
    {
        var now = time.GetUtcNow();
        var minute = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        if (!queue.Writer.TryWrite(new AccessLogEntry { UserName = userName, Kind = kind, ItemId = itemId, At = minute }))
            LogQueueFull(userName, kind, itemId, minute);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access log queue full: the read of {Kind} {ItemId} by {UserName} at {At} is not recorded")]
    private partial void LogQueueFull(string userName, AccessedKind kind, Guid itemId, DateTimeOffset at);
}
