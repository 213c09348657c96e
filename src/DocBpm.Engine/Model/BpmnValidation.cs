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

/// <summary>
/// A BPMN (or DMN, under its own title) file was refused; <see cref="Errors"/> lists every problem found, not just the first.
/// </summary>
public sealed class BpmnValidationException(IReadOnlyList<BpmnValidationError> errors, string titleVi = "Sơ đồ quy trình không hợp lệ")
    : RefusedException(RefusalKind.Malformed, titleVi, $"Có {errors.Count} lỗi; tệp chưa được triển khai.",
        $"The file has {errors.Count} problem(s): " + string.Join("; ", errors.Take(10)))
{
    public IReadOnlyList<BpmnValidationError> Errors { get; } = errors;

    /// <summary>Each element's problems with their lines; problems of the file as a whole under "definitions".</summary>
    public override IReadOnlyDictionary<string, string[]> FieldErrors => Errors
        .GroupBy(e => e.ElementId ?? "definitions")
        .ToDictionary(g => g.Key, g => g.Select(e => $"Dòng {e.Line}: {e.MessageVi}").ToArray());

    public override IReadOnlyDictionary<string, object?> Facts => new Dictionary<string, object?>
    {
        ["elements"] = Errors.Select(e => new { elementId = e.ElementId, line = e.Line, message = e.MessageVi }).ToList(),
    };
}
