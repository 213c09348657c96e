using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DocBpm.Engine.Persistence;

/// <summary>
/// A command the engine sends past EF (<see cref="PostgresStepWriter"/>, <see cref="PostgresBookmarkRead"/>) as EF's command
/// diagnostics see one of its own: the SQL log, command interceptors and diagnostic listeners (which count round-trips and
/// transactions) hear it executing, executed or failed. An interceptor's result would replace what EF sends or reads; these
/// commands are not EF's, so they are sent and read either way.
/// </summary>
internal sealed class ReportedCommand
{
    private readonly DbContext context;
    private readonly TimeProvider time;
    private readonly CommandSource source;
    private readonly IRelationalCommandDiagnosticsLogger logger;
    private readonly IRelationalConnection connection;
    private readonly Guid id = Guid.NewGuid();
    private readonly DateTimeOffset started;
    private readonly long start;

    /// <param name="describe">
    /// The command as the listeners see it, asked for only when something listens (a log at the level of executed commands,
    /// a command interceptor, a diagnostic listener), since describing a batch costs a command object and the joined text.
    /// </param>
    public ReportedCommand(DbContext context, TimeProvider time, CommandSource source, Func<DbCommand> describe)
    {
        this.context = context;
        this.time = time;
        this.source = source;
        logger = context.GetService<IRelationalCommandDiagnosticsLogger>();
        connection = context.GetService<IRelationalConnection>();
        started = time.GetUtcNow();
        start = time.GetTimestamp();
        if (logger.ShouldLogCommandExecute(started))
            Command = describe();
    }

    /// <summary>What the listeners are shown; null when nothing listens.</summary>
    public DbCommand? Command { get; }

    /// <summary>Before <paramref name="method"/> (a non-query or a reader) is sent.</summary>
    public async Task ExecutingAsync(DbCommandMethod method, CancellationToken cancellationToken)
    {
        if (Command is null)
            return;
        if (method == DbCommandMethod.ExecuteReader)
            await logger.CommandReaderExecutingAsync(connection, Command, Command.CommandText, context, id, connection.ConnectionId, started, source,
                cancellationToken);
        else
            await logger.CommandNonQueryExecutingAsync(connection, Command, Command.CommandText, context, id, connection.ConnectionId, started, source,
                cancellationToken);
    }

    public async Task NonQueryExecutedAsync(int rows, CancellationToken cancellationToken)
    {
        if (Command is not null)
            await logger.CommandNonQueryExecutedAsync(connection, Command, Command.CommandText, context, id, connection.ConnectionId, rows,
                started, time.GetElapsedTime(start), source, cancellationToken);
    }

    public async Task ReaderExecutedAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        if (Command is not null)
            await logger.CommandReaderExecutedAsync(connection, Command, Command.CommandText, context, id, connection.ConnectionId, reader,
                started, time.GetElapsedTime(start), source, cancellationToken);
    }

    public async Task FailedAsync(DbCommandMethod method, Exception exception, CancellationToken cancellationToken)
    {
        if (Command is not null)
            await logger.CommandErrorAsync(connection, Command, Command.CommandText, context, method, id, connection.ConnectionId,
                exception, started, time.GetElapsedTime(start), source, cancellationToken);
    }
}
