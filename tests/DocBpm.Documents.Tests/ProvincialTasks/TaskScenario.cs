using System.Text.Json;
using System.Text.Json.Serialization;
using DocBpm.Documents.ProvincialTasks;
using DocBpm.Engine.Timers;

namespace DocBpm.Documents.Tests.ProvincialTasks;

/// <summary>A task line at a given stage, and the check that a refused action explains itself and changes nothing.</summary>
internal static class TaskScenario
{
    public static readonly DateTimeOffset Deadline = VietnamTime.At(2026, 12, 1, 17, 0);

    private static readonly JsonSerializerOptions Snapshot = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    public static ProvincialTask At(TaskStage stage, string? handler = "chuyenvien") => new()
    {
        Id = Guid.NewGuid(),
        Line = 1,
        Content = "Báo cáo tình hình triển khai",
        Deadline = Deadline.ToUniversalTime(),
        OriginalDeadline = Deadline.ToUniversalTime(),
        Stage = stage,
        MainUnit = stage >= TaskStage.Assigned ? "GDTrH" : null,
        Handler = stage >= TaskStage.InProgress ? handler : null,
    };

    /// <summary>
    /// Runs <paramref name="act"/>, expects the refusal <paramref name="code"/> and returns it; the person gets a
    /// Vietnamese reason, the log names the task (and <paramref name="logged"/>, e.g. the refused action), and the task is
    /// exactly as before.
    /// </summary>
    public static TaskRuleException Refused(string code, ProvincialTask task, Action act, string? logged = null)
    {
        var before = JsonSerializer.Serialize(task, Snapshot);
        var refused = Assert.ThrowsExactly<TaskRuleException>(act);
        Assert.AreEqual(code, refused.Code);
        Assert.IsFalse(string.IsNullOrWhiteSpace(refused.MessageVi), "the refusal says why in Vietnamese");
        StringAssert.Contains(refused.Message, task.Id.ToString(), "the log names the task");
        if (logged is not null)
            StringAssert.Contains(refused.Message, logged);
        Assert.AreEqual(before, JsonSerializer.Serialize(task, Snapshot), "a refusal changes nothing");
        return refused;
    }

    /// <summary>The action is refused at <paramref name="stage"/>, and the refusal names the stage the task is at.</summary>
    public static void RefusedAtStage(TaskStage stage, string action, Action<ProvincialTask> act)
    {
        var task = At(stage);
        var refused = Refused("wrong-stage", task, () => act(task), $"{action} is not allowed at stage {stage}");
        StringAssert.Contains(refused.MessageVi, stage.Vietnamese());
    }
}
