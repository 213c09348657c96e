namespace DocBpm.Web.Notifications;

/// <summary>Section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>A task is "sắp đến hạn" once its deadline is at most this many working days away.</summary>
    public int DueSoonWorkingDays { get; set; } = 2;

    /// <summary>How often the sweep looks for new events (and sends e-mail).</summary>
    public int SweepSeconds { get; set; } = 15;

    /// <summary>Set to send each notification by e-mail too; unset, notifications stay in the application.</summary>
    public SmtpOptions? Smtp { get; set; }
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>STARTTLS when the server offers it; false only for a server on the same machine.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>The site's address as people open it, put before each notification's link in the e-mail.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Attempts per notification before it is left unsent (logged).</summary>
    public int MaxAttempts { get; set; } = 6;
}
