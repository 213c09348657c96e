using System.Text.Json;
using DocBpm.Documents.Files;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Messages;
using DocBpm.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Exchange;

/// <summary>Sends a dispatched package to the axis; the axis's receipt time becomes each recipient's send time.</summary>
public sealed class DispatchToBusHandler(DbContext db, FileStore files, AxisClient axis) : IOutboxHandler
{
    public string Topic => DispatchToBus.Topic;

    public async Task DeliverAsync(OutboxRecord message, CancellationToken cancellationToken)
    {
        var batch = JsonSerializer.Deserialize<DispatchMessage>(message.Payload, ActivityContext.JsonOptions)!.BatchId;
        var records = await db.Set<DispatchRecord>().Where(d => d.BatchId == batch && d.State == DispatchState.Queued)
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
            return;
        var package = await files.ReadAsync(records[0].PackageFileId, cancellationToken);
        var receipt = await axis.SendAsync(package.Content, cancellationToken);
        foreach (var record in records)
        {
            record.State = DispatchState.Sent;
            record.SentAt = receipt.ReceivedAt.ToUniversalTime();
            record.PackageId = receipt.PackageId;
        }
    }
}
