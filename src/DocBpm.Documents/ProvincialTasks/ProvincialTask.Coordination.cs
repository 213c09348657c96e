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
        var units = coordinatingUnits.Distinct(StringComparer.Ordinal).ToList();
        CoordinatingUnits = units.Count == 0 ? null : string.Join(",", units);
        // Rows kept stay tracked as they are: removing and re-adding one key would make EF delete and insert it again.
        CoordinatorRows.RemoveAll(r => !units.Contains(r.UnitCode, StringComparer.Ordinal));
        CoordinatorRows.AddRange(units.Where(u => !CoordinatorRows.Exists(r => r.UnitCode == u)).Select(u => new TaskCoordinator { UnitCode = u }));
    }
}
