using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DocBpm.Web.Tests.Notifications;

/// <summary>
/// The least an SMTP server does (RFC 5321 without extensions), on a loopback port the test owns: it takes every message
/// and keeps its raw text, so a test reads what the mailer sent without any host outside the machine.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;
    private readonly List<string> messages = [];
    private bool stopped;

    public LoopbackSmtpServer()
    {
        listener.Start();
        serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (messages)
                return [.. messages];
        }
    }

    private async Task ServeAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await ConverseAsync(client.GetStream(), stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    private async Task ConverseAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var text = new StringBuilder();
                    while (await reader.ReadLineAsync(cancellationToken) is { } data && data != ".")
                        text.AppendLine(data);
                    lock (messages)
                        messages.Add(text.ToString());
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    /// <summary>Stops listening; a test may stop it early to play a server that is down.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopped)
            return;
        stopped = true;
        await stop.CancelAsync();
        listener.Stop();
        await serving;
        stop.Dispose();
    }
}
