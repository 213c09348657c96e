using DocBpm.Documents.ProvincialTasks;
using DocBpm.Web.Components;

namespace DocBpm.Web.ProvincialTasks;

/// <summary>
/// The clerk's form for a provincial task document typed in by hand: its fields as typed (dates dd/MM/yyyy) and its
/// lines; a line left wholly blank is not a line.
/// </summary>
public sealed class RecordTaskForm
{
    /// <summary>The empty lines a new form offers; "Thêm dòng" adds one more.</summary>
    public const int FirstLines = 3;

    public string? Code { get; set; }
    public string? DocumentDate { get; set; }
    public string? IssuingBody { get; set; }
    public string? Subject { get; set; }
    public List<TaskLineForm> Lines { get; set; } = [];

    /// <summary>Set by the "Thêm dòng" button: show the form again with one more line, record nothing.</summary>
    public string? More { get; set; }

    public IEnumerable<(int Number, TaskLineForm Line)> Filled =>
        Lines.Select((l, i) => (i + 1, l)).Where(l => !l.Item2.IsBlank);

    /// <summary>The document to record, or the messages of every field that is wrong (each line's named by its number).</summary>
    public NewTaskDocument ToDocument(Dictionary<string, string[]> errors)
    {
        Text(Code, "code", "Số, ký hiệu", 100, errors);
        Text(Subject, "subject", "Trích yếu", 2000, errors);
        if (IssuingBody?.Trim().Length > TaskDocument.IssuingBodyMaxLength)
            errors["issuingBody"] = [$"Cơ quan ban hành không quá {TaskDocument.IssuingBodyMaxLength} ký tự."];
        var date = QueryFields.Date(DocumentDate, "documentDate", "Ngày văn bản", errors);
        var lines = new List<TaskLine>();
        foreach (var (number, line) in Filled)
        {
            Text(line.Content, $"lines[{number}].content", $"Dòng {number}: nội dung nhiệm vụ", 4000, errors);
            var deadline = QueryFields.Date(line.Deadline, $"lines[{number}].deadline", $"Dòng {number}: thời hạn", errors);
            if (deadline is null && !errors.ContainsKey($"lines[{number}].deadline"))
                errors[$"lines[{number}].deadline"] = [$"Dòng {number}: cần thời hạn thực hiện."];
            if (deadline is { } day)
                lines.Add(new TaskLine(line.Content?.Trim() ?? "", TaskPage.EndOfWorkingDay(day),
                    ProvincialTaskEndpoints.Trimmed(line.MainUnit), ProvincialTaskEndpoints.Trimmed(line.Handler)));
        }

        if (lines.Count == 0 && !errors.Keys.Any(k => k.StartsWith("lines", StringComparison.Ordinal)))
            errors["lines"] = ["Văn bản giao nhiệm vụ phải có ít nhất một dòng nhiệm vụ, mỗi dòng có nội dung và thời hạn."];
        return new NewTaskDocument(null, Code, Subject, lines, date, IssuingBody);
    }

    private static void Text(string? text, string key, string label, int maxLength, Dictionary<string, string[]> errors)
    {
        if (!QueryFields.Present(text))
            errors[key] = [$"{label} là bắt buộc."];
        else if (text!.Trim().Length > maxLength)
            errors[key] = [$"{label} không quá {maxLength} ký tự."];
    }
}

public sealed class TaskLineForm
{
    public string? Content { get; set; }
    public string? Deadline { get; set; }

    /// <summary>The lead unit the clerk suggests (a unit code).</summary>
    public string? MainUnit { get; set; }

    /// <summary>The main handler the clerk suggests (a login of the suggested unit).</summary>
    public string? Handler { get; set; }

    public bool IsBlank => !QueryFields.Present(Content) && !QueryFields.Present(Deadline) && !QueryFields.Present(MainUnit)
        && !QueryFields.Present(Handler);
}
