namespace DocBpm.Engine.Model;

/// <summary>One problem of a BPMN file: where it is and what is wrong, in English (logs) and Vietnamese (designer).</summary>
public sealed record BpmnValidationError(string? ElementId, int Line, string Message, string MessageVi)
{
    public override string ToString() => ElementId is null ? $"line {Line}: {Message}" : $"{ElementId} (line {Line}): {Message}";
}

public sealed record ParseResult(IReadOnlyList<ProcessModel> Processes, IReadOnlyList<BpmnValidationError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>A BPMN file was refused; <see cref="Errors"/> lists every problem found, not just the first.</summary>
public sealed class BpmnValidationException(IReadOnlyList<BpmnValidationError> errors)
    : Exception($"The BPMN file has {errors.Count} problem(s): " + string.Join("; ", errors.Take(10)))
{
    public IReadOnlyList<BpmnValidationError> Errors { get; } = errors;
}
