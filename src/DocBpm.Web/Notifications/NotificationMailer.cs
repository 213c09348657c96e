using System.Net.Sockets;
using DocBpm.Web.Accounts;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DocBpm.Web.Notifications;

/// <summary>
/// Sends the notifications not yet e-mailed when <c>Notifications:Smtp</c> is set, to each person's address from the
/// accounts. It runs in the notification job, after the work that raised them committed, so a mail server that is down
/// delays only the mail: each failure is logged and tried again later with a doubling wait, up to a limit.
/// </summary>
public sealed partial class NotificationMailer(DbContext db, IOptions<NotificationOptions> options, TimeProvider time,
    ILogger<NotificationMailer> logger)
{
    private const int Batch = 50;
    private static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>Returns how many e-mails went out.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Smtp is not { Host.Length: > 0 } smtp)
            return 0;
        var now = time.GetUtcNow();
        var pending = await db.Set<Notification>()
            .Where(n => n.EmailedAt == null && n.EmailAttempts < smtp.MaxAttempts && (n.EmailRetryAt == null || n.EmailRetryAt <= now))
            .OrderBy(n => n.CreatedAt).Take(Batch).ToListAsync(cancellationToken);
        if (pending.Count == 0)
            return 0;
        var names = pending.Select(n => n.UserName).Distinct().ToList();
        var addresses = await db.Set<AppUser>().AsNoTracking().Where(u => names.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.Email, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var sent = 0;
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None,
                cancellationToken);
            if (smtp.UserName is { Length: > 0 })
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            foreach (var notification in pending)
                sent += await SendAsync(client, smtp, notification, addresses.GetValueOrDefault(notification.UserName), now, cancellationToken) ? 1 : 0;
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (IsDeliveryFailure(ex))
        {
            LogServerUnreachable(smtp.Host, smtp.Port, ex.Message);
            foreach (var notification in pending.Where(n => n.EmailedAt is null))
                Failed(notification, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    private async Task<bool> SendAsync(SmtpClient client, SmtpOptions smtp, Notification notification, string? address, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(address, out var to))
        {
            // No usable address: nothing to retry until an administrator enters one.
            LogNoAddress(notification.UserName);
            notification.EmailAttempts = smtp.MaxAttempts;
            return false;
        }

        var message = new MimeMessage { Subject = $"[Văn bản] {NotificationText.Of(notification.Kind)}", Date = now };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(to);
        message.Body = new TextPart("plain") { Text = $"{notification.Text}\n\n{smtp.SiteUrl?.TrimEnd('/')}{notification.Link}" };
        try
        {
            await client.SendAsync(message, cancellationToken);
            notification.EmailedAt = now;
            return true;
        }
        catch (Exception ex) when (ex is CommandException)
        {
            LogSendFailed(notification.Id, notification.UserName, ex.Message);
            Failed(notification, now);
            return false;
        }
    }

    private static void Failed(Notification notification, DateTimeOffset now)
    {
        notification.EmailAttempts++;
        var wait = FirstWait * Math.Pow(2, notification.EmailAttempts - 1);
        notification.EmailRetryAt = now + (wait < LongestWait ? wait : LongestWait);
    }

    private static bool IsDeliveryFailure(Exception ex) => ex is IOException or SocketException or TimeoutException or CommandException
        or ProtocolException or AuthenticationException or SslHandshakeException or ServiceNotConnectedException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server {Host}:{Port} could not take the notification e-mails; they are retried later: {Error}")]
    private partial void LogServerUnreachable(string host, int port, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The e-mail of notification {Id} to {UserName} was refused; it is retried later: {Error}")]
    private partial void LogSendFailed(Guid id, string userName, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{UserName} has no valid e-mail address; their notifications are not e-mailed")]
    private partial void LogNoAddress(string userName);
}
