using System.Text.Json.Nodes;
using DocBpm.Documents.Access;
using DocBpm.Documents.Organisation;
using DocBpm.Engine;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Incoming;

/// <summary>
/// The leaders' and handlers' side (Article 8.2b): the Director instructs and assigns, a deputy or unit head
/// re-assigns within their scope, the main handler completes. Each action and its process step share one SaveChanges.
/// </summary>
public sealed class IncomingHandling(DbContext db, WorkflowRuntime runtime, IPeopleDirectory people, TimeProvider time,
    IEnumerable<IIncomingCompletionRule> completionRules)
{
    /// <summary>
    /// The Director hands the instruction to a deputy (Article 8.2b: "chuyển văn bản cho các Phó Giám đốc Sở"): the
    /// deputy's step opens in his place, and the deputy then assigns.
    /// </summary>
    public async Task ForwardAsync(Guid id, ForwardOrder order, TaskActor director, CancellationToken cancellationToken)
    {
        var document = await IncomingRegistry.LoadAsync(db, id, cancellationToken);
        var task = await WaitingAsync(document, IncomingStatus.Registered, IncomingProcess.DirectorInstruction,
            "Văn bản chưa vào sổ hoặc đã được chuyển, phân công.", cancellationToken);
        if (!TaskAccess.MayWork(task, director))
            throw new IncomingAccessException("Chỉ Giám đốc chuyển văn bản đến cho Phó Giám đốc (Điều 8.2b).");
        var errors = new Dictionary<string, string[]>();
        if (order.Note is { Length: > 4000 })
            errors["note"] = ["Ý kiến chuyển không quá 4000 ký tự."];
        var deputy = string.IsNullOrWhiteSpace(order.Deputy) ? null : await people.FindAsync(order.Deputy.Trim(), cancellationToken);
        if (deputy is not { Rank: LeaderRank.Deputy, IsLocked: false })
            errors["deputy"] = ["Cần chọn một Phó Giám đốc đang làm việc."];
        IncomingValidationException.ThrowIfAny(errors);

        var note = string.IsNullOrWhiteSpace(order.Note) ? null : order.Note.Trim();
        document.Revision++;
        db.Record(document, time.GetUtcNow(), director.UserName, IncomingActions.Forwarded,
            deputy!.FullName + (note is null ? "" : ": " + note));
        await runtime.CompleteTaskAsync(task.Id, new Dictionary<string, JsonNode?> { ["forwardedTo"] = deputy.UserName },
            director, cancellationToken);
    }

    /// <summary>The Director, or the deputy he forwarded the document to, instructs and assigns (Article 8.2b).</summary>
    public async Task AssignAsync(Guid id, AssignmentOrder order, TaskActor director, CancellationToken cancellationToken)
    {
        var document = await IncomingRegistry.LoadAsync(db, id, cancellationToken);
        const string whenNot = "Văn bản chưa vào sổ hoặc đã được phân công.";
        if (document.Status != IncomingStatus.Registered)
            throw new IncomingStateException(document.Id, document.Status, whenNot);
        var task = await db.WaitingTaskAsync(document, IncomingProcess.DeputyInstruction, cancellationToken)
            ?? await db.WaitingTaskAsync(document, IncomingProcess.DirectorInstruction, cancellationToken)
            ?? throw new IncomingStateException(document.Id, document.Status, whenNot);
        if (!TaskAccess.MayWork(task, director))
            throw new IncomingAccessException(task.ElementId == IncomingProcess.DeputyInstruction
                ? "Giám đốc đã chuyển văn bản này cho một Phó Giám đốc khác chỉ đạo."
                : "Văn bản này đang chờ Giám đốc chỉ đạo (Điều 8.2b).");
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(order.Instruction) || order.Instruction.Trim().Length > 4000)
            errors["instruction"] = ["Cần ghi ý kiến chỉ đạo giải quyết (không quá 4000 ký tự)."];
        var deadline = Deadline(order.Deadline, now, null, errors);
        var lines = await ResolveAsync(order, errors, _ => true, cancellationToken);
        IncomingValidationException.ThrowIfAny(errors);

        var main = Add(document, lines, null, director.UserName, now, order.Instruction!.Trim(), deadline);
        document.Instruction = order.Instruction.Trim();
        document.Deadline = deadline;
        document.Status = IncomingStatus.Assigned;
        document.Revision++;
        db.Record(document, now, director.UserName, IncomingActions.Assigned, Describe(lines));
        var handlers = await ProcessUsersAsync(main, "mainHandler", cancellationToken);
        // Each coordinating person, or the heads of each coordinating unit, get a "Phối hợp xử lý" item (IncomingCoordination).
        var coordinators = new JsonArray();
        foreach (var line in lines.Where(l => l.Role == HandlingRole.Coordinating))
            coordinators.Add(new JsonArray([.. (await ProcessUsersAsync(line, "coordinating", cancellationToken)).Select(u => JsonValue.Create(u))]));
        var variables = new Dictionary<string, JsonNode?>
        {
            ["instruction"] = document.Instruction,
            ["processUsers"] = new JsonArray([.. handlers.Select(h => JsonValue.Create(h))]),
            ["deadline"] = deadline is { } d ? IncomingProcess.Instant(d) : null,
            ["coordinators"] = coordinators,
        };
        await runtime.CompleteTaskAsync(task.Id, variables, director, cancellationToken);
    }

    public async Task ReassignAsync(Guid id, AssignmentOrder order, Reassigner by, CancellationToken cancellationToken)
    {
        var document = await IncomingRegistry.LoadAsync(db, id, cancellationToken);
        var task = await WaitingAsync(document, IncomingStatus.Assigned, IncomingProcess.Process,
            "Chỉ giao lại văn bản đang được xử lý.", cancellationToken);
        var current = await db.Set<IncomingAssignment>()
            .Where(a => a.DocumentId == id && a.Role == HandlingRole.Main && !a.Delegated)
            .OrderByDescending(a => a.AssignedAt).FirstAsync(cancellationToken);
        if (!current.IsHeldBy(by.Actor.UserName, by.UnitCode, by.IsUnitHead) || !(by.IsDeputy || by.IsUnitHead))
            throw new IncomingAccessException("Chỉ Phó Giám đốc hoặc trưởng đơn vị đang chủ trì xử lý văn bản mới được giao lại.");

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (order.Instruction is { Length: > 4000 })
            errors["instruction"] = ["Ý kiến giao việc không quá 4000 ký tự."];
        var deadline = Deadline(order.Deadline, now, document.Deadline, errors) ?? document.Deadline;
        var lines = await ResolveAsync(order, errors, line => by.IsDeputy || (line.Kind == AssigneeKind.Person && line.UnitCode == by.UnitCode),
            cancellationToken);
        IncomingValidationException.ThrowIfAny(errors);

        current.Delegated = true;
        var main = Add(document, lines, current.Id, by.Actor.UserName, now, order.Instruction?.Trim(), deadline);
        document.Revision++;
        db.Record(document, now, by.Actor.UserName, IncomingActions.Reassigned, Describe(lines));
        await runtime.HandOverTaskAsync(task.Id, await ProcessUsersAsync(main, "mainHandler", cancellationToken), deadline, by.Actor.UserName, cancellationToken);
    }

    public async Task CompleteAsync(Guid id, CompletionReport report, TaskActor handler, CancellationToken cancellationToken)
    {
        var document = await IncomingRegistry.LoadAsync(db, id, cancellationToken);
        var task = await WaitingAsync(document, IncomingStatus.Assigned, IncomingProcess.Process,
            "Văn bản chưa được phân công hoặc đã hoàn thành.", cancellationToken);
        if (!TaskAccess.MayWork(task, handler))
            throw new IncomingAccessException("Bạn không phải người chủ trì xử lý văn bản này.");
        if (string.IsNullOrWhiteSpace(report.Result) || report.Result.Trim().Length > 4000)
            throw IncomingValidationException.For("result", "Cần ghi kết quả xử lý (không quá 4000 ký tự).");

        var now = time.GetUtcNow();
        foreach (var rule in completionRules)
            await rule.ApplyAsync(document, handler.UserName, now, cancellationToken);
        document.Status = IncomingStatus.Completed;
        document.CompletedAt = now.ToUniversalTime();
        document.ReplyDocumentId = report.ReplyDocumentId;
        document.Revision++;
        db.Record(document, now, handler.UserName, IncomingActions.Completed, report.Result.Trim());
        await runtime.CompleteTaskAsync(task.Id, new Dictionary<string, JsonNode?> { ["result"] = report.Result.Trim() }, handler, cancellationToken);
    }

    private async Task<BookmarkRecord> WaitingAsync(IncomingDocument document, IncomingStatus status, string elementId, string whenNot,
        CancellationToken cancellationToken)
    {
        if (document.Status != status)
            throw new IncomingStateException(document.Id, document.Status, whenNot);
        return await db.WaitingTaskAsync(document, elementId, cancellationToken)
            ?? throw new IncomingStateException(document.Id, document.Status, whenNot);
    }

    private static DateTimeOffset? Deadline(DateOnly? day, DateTimeOffset now, DateTimeOffset? outer, Dictionary<string, string[]> errors)
    {
        if (day is not { } d)
            return null;
        // A deadline is a whole day: the work is late from the next midnight in Vietnam.
        var end = IncomingProcess.DayStart(d.AddDays(1));
        if (end <= now)
            errors["deadline"] = ["Thời hạn giải quyết không được trước ngày hôm nay."];
        else if (outer is { } o && end > o)
            errors["deadline"] = ["Thời hạn giao lại không được sau thời hạn Giám đốc đã giao."];
        return end;
    }

    private async Task<List<IncomingAssignment>> ResolveAsync(AssignmentOrder order, Dictionary<string, string[]> errors,
        Func<IncomingAssignment, bool> inScope, CancellationToken cancellationToken)
    {
        var lines = new List<IncomingAssignment>();
        var wanted = new[] { (HandlingRole.Main, "mainHandler", (IReadOnlyList<string>)(order.MainHandler is null ? [] : [order.MainHandler])),
            (HandlingRole.Coordinating, "coordinating", order.Coordinating ?? []), (HandlingRole.Information, "information", order.Information ?? []) };
        if (string.IsNullOrWhiteSpace(order.MainHandler))
            errors["mainHandler"] = ["Cần chọn một đơn vị hoặc cá nhân chủ trì."];
        foreach (var (role, field, refs) in wanted)
        {
            foreach (var text in refs.Where(r => !string.IsNullOrWhiteSpace(r)))
            {
                var line = HandlerRef.TryParse(text, out var handler) ? await LineAsync(handler, role, cancellationToken) : null;
                if (line is null)
                    errors[field] = [$"Không tìm thấy đơn vị hoặc cá nhân '{text}'."];
                else if (!inScope(line))
                    errors[field] = [$"'{line.AssigneeName}' ngoài phạm vi bạn được giao lại."];
                else if (lines.Any(l => l.Assignee == line.Assignee && l.Kind == line.Kind))
                    errors[field] = [$"'{line.AssigneeName}' được chọn hai lần."];
                else
                    lines.Add(line);
            }
        }

        return lines;
    }

    private async Task<IncomingAssignment?> LineAsync(HandlerRef handler, HandlingRole role, CancellationToken cancellationToken)
    {
        if (handler.Kind == AssigneeKind.Unit)
        {
            var unit = await db.Set<Unit>().AsNoTracking().FirstOrDefaultAsync(u => u.Code == handler.Code, cancellationToken);
            return unit is null ? null : Line(role, AssigneeKind.Unit, unit.Code, unit.Name, unit.Code);
        }

        var person = await people.FindAsync(handler.Code, cancellationToken);
        return person is null ? null : Line(role, AssigneeKind.Person, person.UserName, person.FullName, person.UnitCode);
    }

    private static IncomingAssignment Line(HandlingRole role, AssigneeKind kind, string assignee, string name, string? unit) =>
        new() { Role = role, Kind = kind, Assignee = assignee, AssigneeName = name, UnitCode = unit, AssignedBy = "" };

    private IncomingAssignment Add(IncomingDocument document, List<IncomingAssignment> lines, Guid? parent, string by, DateTimeOffset now,
        string? instruction, DateTimeOffset? deadline)
    {
        foreach (var line in lines)
        {
            line.Id = Guid.CreateVersion7();
            line.DocumentId = document.Id;
            line.ParentId = parent;
            line.AssignedBy = by;
            line.AssignedAt = now.ToUniversalTime();
            line.Instruction = instruction;
            line.Deadline = deadline;
            db.Set<IncomingAssignment>().Add(line);
        }

        return lines.Single(l => l.Role == HandlingRole.Main);
    }

    /// <summary>Who receives the work of an assignment line: the person, or the heads of the unit.</summary>
    private async Task<IReadOnlyList<string>> ProcessUsersAsync(IncomingAssignment line, string field, CancellationToken cancellationToken)
    {
        if (line.Kind == AssigneeKind.Person)
            return [line.Assignee];
        var heads = await people.UnitHeadsAsync(line.Assignee, cancellationToken);
        if (heads.Count == 0)
            throw IncomingValidationException.For(field, $"Đơn vị '{line.AssigneeName}' chưa có trưởng đơn vị để nhận văn bản.");
        return [.. heads.Select(h => h.UserName)];
    }

    private static string Describe(List<IncomingAssignment> lines) => string.Join("; ", lines.Select(l => l.Role switch
    {
        HandlingRole.Main => "Chủ trì: ",
        HandlingRole.Coordinating => "Phối hợp: ",
        _ => "Để biết: ",
    } + l.AssigneeName));
}

/// <summary>The person may see the document but not take this action on it.</summary>
public sealed class IncomingAccessException(string messageVi)
    : DocumentRefusedException(RefusalKind.Forbidden, "Không có quyền", messageVi, "Incoming document action refused to this person.");
