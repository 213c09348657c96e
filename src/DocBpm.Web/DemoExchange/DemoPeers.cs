using DocBpm.Documents.Exchange;
using DocBpm.Edxml;

namespace DocBpm.Web.DemoExchange;

/// <summary>
/// Demo only: stands in for the seeded agencies on the demo axis. Every few seconds each of them takes what the axis
/// holds for it and answers a document with the status a real recipient's system sends when its clerk takes the document
/// in (03 "Đã tiếp nhận"), over the axis, so the Department's own intake applies it to the dispatch records exactly as it
/// would a real answer. It registers nothing anywhere and never runs outside Development.
/// </summary>
public sealed partial class DemoPeers(DemoAxis demo, TimeProvider time, ILogger<DemoPeers> logger) : BackgroundService
{
    public const string AnswerNote = "Tiếp nhận tự động (cơ quan mẫu của bản DEMO)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var handler = new SocketsHttpHandler();
        var peers = demo.Peers.Select(peer => (Peer: peer, Client: ClientOf(handler, peer))).ToList();
        using var timer = new PeriodicTimer(demo.PeerInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!demo.IsRunning)
                continue;
            foreach (var (peer, client) in peers)
            {
                try
                {
                    await AnswerAsync(peer, client, stoppingToken);
                }
                catch (HttpRequestException ex)
                {
                    // The axis stopped under the peers; what is pending stays there for the next round.
                    LogAxisUnreachable(peer.Code, ex.Message);
                }
            }
        }
    }

    private AxisClient ClientOf(HttpMessageHandler handler, DemoAgency peer)
    {
        var http = new HttpClient(handler, disposeHandler: false);
        AxisClient.Configure(http, new AxisConnection { AxisUrl = demo.Url, AgencyCode = peer.Code, AgencyName = peer.Name, AgencyKey = peer.Key });
        return new AxisClient(http);
    }

    private async Task AnswerAsync(DemoAgency peer, AxisClient client, CancellationToken cancellationToken)
    {
        foreach (var pending in await client.PendingAsync(cancellationToken))
        {
            if (pending.Kind == AxisPackageKind.Document)
            {
                var read = EdxmlReader.ReadPackage(await client.FetchAsync(pending.PackageId, cancellationToken));
                if (read.Value is { Business.DocType: not BusinessDocType.Revoke } package)
                    await AcceptAsync(peer, client, package.Header, cancellationToken);
            }

            // Anything else (a recall, a status, a package it cannot read) a demo peer takes off the axis unanswered.
            await client.AcknowledgeAsync(pending.PackageId, cancellationToken);
        }
    }

    private async Task AcceptAsync(DemoAgency peer, AxisClient client, EdxmlMessageHeader header, CancellationToken cancellationToken)
    {
        var status = new EdxmlStatus(
            new EdxmlResponseFor(header.From.OrganId, $"{header.CodeNumber}/{header.CodeNotation}", header.PromulgationDate, header.DocumentId),
            new EdxmlOrganization(peer.Code, peer.Name), ExchangeStatus.Accepted, AnswerNote, time.GetUtcNow(), null);
        try
        {
            await client.SendStatusAsync(EdxmlWriter.Write(status), cancellationToken);
            LogAnswered(peer.Code, header.DocumentId);
        }
        catch (AxisRefusedException ex)
        {
            LogAnswerRefused(peer.Code, header.DocumentId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "DEMO peer {Peer} answered document {DocumentId} with status 03 (accepted)")]
    private partial void LogAnswered(string peer, string documentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO peer {Peer} could not answer document {DocumentId}: {Error}")]
    private partial void LogAnswerRefused(string peer, string documentId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO peer {Peer} could not reach the demo axis: {Error}")]
    private partial void LogAxisUnreachable(string peer, string error);
}
