using System.Collections.Concurrent;
using DocBpm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Hardening;

/// <summary>Makes the host's saves fail as a database would while <see cref="Failure"/> is set, to see how a caller answers.</summary>
public sealed class FailingSaves : SaveChangesInterceptor
{
    public Func<Exception>? Failure { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default) =>
        Failure is { } failure ? throw failure() : base.SavingChangesAsync(eventData, result, cancellationToken);

    /// <summary>Adds the interceptor to the host's context and a log capture beside its loggers.</summary>
    public void AddTo(DocBpmWebFactory host, CapturedLogs logs) => host.TestServices.Add(services =>
    {
        services.ConfigureDbContext<SqliteDocBpmDbContext>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgreSqlDocBpmDbContext>(o => o.AddInterceptors(this));
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
    });
}

/// <summary>The host's log lines, kept for a test to read.</summary>
public sealed class CapturedLogs : Microsoft.Extensions.Logging.ILoggerProvider
{
    public ConcurrentQueue<(string Category, Microsoft.Extensions.Logging.LogLevel Level, string Message)> Lines { get; } = new();

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Lines.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
