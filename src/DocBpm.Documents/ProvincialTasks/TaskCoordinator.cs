namespace DocBpm.Documents.ProvincialTasks;

/// <summary>
/// One coordinating unit of a task line, a row each, so that "the tasks my unit coordinates" is an indexed equality
/// rather than a LIKE over every task's comma list (<see cref="ProvincialTask.CoordinatingUnits"/> keeps the units in
/// the Director's order for the pages and the books). Written by <see cref="ProvincialTask"/> with the list, never apart.
/// </summary>
public sealed class TaskCoordinator
{
    public Guid TaskId { get; set; }

    public required string UnitCode { get; set; }
}
