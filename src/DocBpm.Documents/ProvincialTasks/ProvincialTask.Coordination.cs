namespace DocBpm.Documents.ProvincialTasks;

/// <summary>The coordinating units (đơn vị phối hợp) of a task line while it is handled.</summary>
public sealed partial class ProvincialTask
{
    /// <summary>The Director changes the coordinating units of an assigned task that is still open.</summary>
    public void ChangeCoordinators(IReadOnlyCollection<string> coordinatingUnits)
    {
        Expect("change-coordinators", TaskStage.Assigned, TaskStage.InProgress, TaskStage.CompletionProposed);
        SetCoordinators(MainUnit!, coordinatingUnits);
    }

    private void SetCoordinators(string mainUnit, IReadOnlyCollection<string> coordinatingUnits)
    {
        if (coordinatingUnits.Contains(mainUnit, StringComparer.Ordinal))
            throw new TaskRuleException("main-also-coordinating", "Đơn vị chủ trì không đồng thời là đơn vị phối hợp.",
                $"Task {Id}: {mainUnit} is both main and coordinating.");
        CoordinatingUnits = coordinatingUnits.Count == 0 ? null : string.Join(",", coordinatingUnits.Distinct(StringComparer.Ordinal));
    }
}
