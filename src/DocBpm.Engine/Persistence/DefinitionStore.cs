using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Engine.Persistence;

/// <summary>The outcome of a deploy: the version that is now current, and whether it is new.</summary>
public sealed record Deployment(DefinitionRecord Definition, bool IsNew);

/// <summary>
/// Deploys and loads process definitions. Parsed models are immutable and cached by definition id for the life of
/// the host: a definition row never changes once written. A key the code drives has its <see cref="ProcessContract"/>:
/// a version lacking part of it is refused like any other invalid diagram.
/// </summary>
public sealed class DefinitionStore(ActivityRegistry registry, Timers.IBusinessCalendar calendar, TimeProvider time,
    IEnumerable<ProcessContract> contracts)
{
    /// <summary>
    /// How long a start takes the latest version of a key this host last read or deployed, instead of asking the
    /// database on every start (a read is a transaction of its own). A version deployed on this host is current at once;
    /// one deployed on another host starts here within this time, as if the start had come a moment earlier.
    /// </summary>
    public static readonly TimeSpan LatestKeptFor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<Guid, ProcessModel> models = new();
    private readonly ConcurrentDictionary<string, (DefinitionRecord Definition, DateTimeOffset ReadAt)> latestByKey = new(StringComparer.Ordinal);
    private readonly ProcessContract[] contracts = [.. contracts];

    /// <summary>
    /// Parses and validates without storing; the designer's "validate" button. It applies the deploy's rules, the
    /// decisions that business-rule tasks name included, so that what validates deploys.
    /// </summary>
    public async Task<ParseResult> ValidateAsync(EngineDb db, string xml, CancellationToken cancellationToken)
    {
        var result = BpmnParser.Parse(xml, registry);
        var missing = new List<BpmnValidationError>();
        foreach (var process in result.Processes)
            missing.AddRange(await UndeployedDecisionsAsync(db, process, cancellationToken));
        return result with { Errors = [.. result.Errors, .. result.Processes.SelectMany(BreachesOf), .. missing] };
    }

    /// <summary>
    /// Deploys a BPMN file as a new version of its process key, unless the latest version has the same content.
    /// Throws <see cref="BpmnValidationException"/> listing every problem when the file is not valid.
    /// </summary>
    public async Task<Deployment> DeployAsync(EngineDb db, string xml, string? deployedBy, CancellationToken cancellationToken)
    {
        var model = BpmnParser.ParseSingle(xml, registry);
        var breaches = BreachesOf(model).Concat(await UndeployedDecisionsAsync(db, model, cancellationToken)).ToList();
        if (breaches.Count > 0)
            throw new BpmnValidationException(breaches);
        var hash = Hash(xml);
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => d.Key == model.Id)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.ContentHash == hash)
            return new Deployment(Remember(db, latest), false);

        var record = new DefinitionRecord
        {
            Id = Guid.CreateVersion7(),
            Key = model.Id,
            Version = (latest?.Version ?? 0) + 1,
            ContentHash = hash,
            Name = model.Name,
            Xml = xml,
            DeployedAt = time.GetUtcNow(),
            DeployedBy = deployedBy,
            StartMessages = StartMessages(model),
        };
        db.Definitions.Add(record);
        await ReplaceStartTimersAsync(db, record, model, cancellationToken);
        try
        {
            await db.Context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Several hosts starting together deploy the same file; one stores it, the others take its version.
            var winner = await SameVersionDeployedMeanwhileAsync(db, record, cancellationToken);
            if (winner is null)
                throw;
            return new Deployment(Remember(db, winner), false);
        }

        models[record.Id] = model;
        return new Deployment(Remember(db, record), true);
    }

    public async ValueTask<ProcessModel> GetModelAsync(EngineDb db, Guid definitionId, CancellationToken cancellationToken)
    {
        if (models.TryGetValue(definitionId, out var model))
            return model;
        var xml = await db.Definitions.AsNoTracking().Where(d => d.Id == definitionId).Select(d => d.Xml)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new DefinitionNotFoundException(definitionId.ToString());
        return models.GetOrAdd(definitionId, _ => BpmnParser.ParseSingle(xml, registry));
    }

    /// <summary>The latest version of a process key, read from the database.</summary>
    public async Task<DefinitionRecord> GetLatestAsync(EngineDb db, string key, CancellationToken cancellationToken) =>
        await db.Definitions.AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new DefinitionNotFoundException(key);

    /// <summary>The version a new instance of a key starts on: the latest, as known within <see cref="LatestKeptFor"/>.</summary>
    public async ValueTask<DefinitionRecord> GetLatestForStartAsync(EngineDb db, string key, CancellationToken cancellationToken)
    {
        // A caller that lets a missing key through gets "not deployed", as the database lookup answered before the cache.
        if (string.IsNullOrEmpty(key))
            throw new DefinitionNotFoundException(key ?? "");
        var now = time.GetUtcNow();
        if (latestByKey.TryGetValue(key, out var known) && now >= known.ReadAt && now - known.ReadAt < LatestKeptFor)
            return known.Definition;
        return Remember(db, await GetLatestAsync(db, key, cancellationToken));
    }

    /// <summary>
    /// Keeps a version as the latest of its key. Not inside a caller's transaction: a deploy rolled back with it would
    /// leave starts on a version that does not exist.
    /// </summary>
    private DefinitionRecord Remember(EngineDb db, DefinitionRecord definition)
    {
        if (db.Context.Database.CurrentTransaction is null)
            latestByKey.AddOrUpdate(definition.Key, (definition, time.GetUtcNow()),
                (_, known) => known.Definition.Version > definition.Version ? known : (definition, time.GetUtcNow()));
        return definition;
    }

    private static async Task<DefinitionRecord?> SameVersionDeployedMeanwhileAsync(EngineDb db, DefinitionRecord mine,
        CancellationToken cancellationToken)
    {
        db.Context.ChangeTracker.Clear();
        return await db.Definitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.Key == mine.Key && d.Version == mine.Version && d.ContentHash == mine.ContentHash, cancellationToken);
    }

    /// <summary>Only the latest version of a process starts on a timer: the previous version's timers go.</summary>
    private async Task ReplaceStartTimersAsync(EngineDb db, DefinitionRecord record, ProcessModel model, CancellationToken cancellationToken)
    {
        var old = await db.StartTimers.Where(t => t.DefinitionKey == record.Key).ToListAsync(cancellationToken);
        db.StartTimers.RemoveRange(old);
        foreach (var start in model.StartEvents)
        {
            if (start.Trigger is not TimerTrigger { Timer: var timer })
                continue;
            var due = Timers.TimerSchedule.First(start.Id, timer, time.GetUtcNow(), calendar);
            db.StartTimers.Add(new StartTimerRecord
            {
                Id = Guid.CreateVersion7(),
                DefinitionId = record.Id,
                DefinitionKey = record.Key,
                ElementId = start.Id,
                DueAt = due.DueAt,
                RemainingRepetitions = due.RemainingRepetitions,
                CycleText = timer.Kind == TimerKind.Cycle ? timer.Text : null,
                WorkingTime = timer.BusinessCalendar,
            });
        }
    }

    /// <summary>
    /// Business-rule tasks whose decision (or pinned version) is not deployed. Checked at deploy rather than left to an
    /// incident at run time: the analyst who deploys can fix a misspelt id at once, while an incident would stop a
    /// document in front of staff later. A process without business-rule tasks asks nothing here.
    /// </summary>
    private static async Task<List<BpmnValidationError>> UndeployedDecisionsAsync(EngineDb db, ProcessModel model,
        CancellationToken cancellationToken)
    {
        var missing = new List<BpmnValidationError>();
        foreach (var task in model.NodesById.Values.OfType<TaskNode>())
        {
            if (task.Decision is { } reference && !await DecisionStore.ExistsAsync(db, reference, cancellationToken))
                missing.Add(new(task.Id, task.Location.Line,
                    $"decision '{reference.DecisionId}'{(reference.Version is { } v ? $" version {v}" : "")} is not deployed; deploy its DMN file first",
                    $"bảng quyết định '{reference.DecisionId}'{(reference.Version is { } ver ? $" phiên bản {ver}" : "")} chưa được triển khai; hãy triển khai tệp DMN trước"));
        }

        return missing;
    }

    private IEnumerable<BpmnValidationError> BreachesOf(ProcessModel model) => contracts.SelectMany(c => c.Check(model));

    public static string Hash(string xml) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));

    /// <summary>Marks a signal start event's name among the start messages, so that no column is added for signals.</summary>
    public const string SignalPrefix = "signal:";

    /// <summary>The messages (and, prefixed, the signals) that start the process: ",name,signal:name,".</summary>
    private static string? StartMessages(ProcessModel model)
    {
        var names = model.StartEvents.Select(s => s.Trigger switch
        {
            MessageTrigger m => m.MessageName,
            SignalTrigger signal => SignalPrefix + signal.SignalName,
            _ => null,
        }).OfType<string>().ToList();
        return names.Count == 0 ? null : "," + string.Join(",", names) + ",";
    }
}

public sealed class DefinitionNotFoundException(string keyOrId)
    : RefusedException(RefusalKind.NotFound, "Không tìm thấy quy trình", $"Quy trình '{keyOrId}' chưa được triển khai.",
        $"Process definition '{keyOrId}' is not deployed.")
{
    public string KeyOrId { get; } = keyOrId;
}
