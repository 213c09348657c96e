using DocBpm.Documents.Incoming;
using DocBpm.Web.Components;

namespace DocBpm.Web.Incoming;

/// <summary>The Appendix VI fields as a page form (upload and registration).</summary>
public sealed class FieldsForm
{
    public string? IssuingAgency { get; set; }
    public string? CodeNumber { get; set; }
    public string? CodeNotation { get; set; }
    /// <summary>As typed, dd/MM/yyyy: the form binder would read it as the invariant culture's month first.</summary>
    public string? DocumentDate { get; set; }

    public string? DocumentType { get; set; }
    public string? Subject { get; set; }
    public string? Signer { get; set; }
    public Urgency Urgency { get; set; }
    public int? PageCount { get; set; }
    public int? Copies { get; set; }
    public string? Notes { get; set; }

    /// <summary>Empty by default; the field names match the domain's, so its messages land beside them.</summary>
    public string? Files { get; set; }

    public static FieldsForm From(IncomingFields f) => new()
    {
        IssuingAgency = f.IssuingAgency, CodeNumber = f.CodeNumber, CodeNotation = f.CodeNotation, DocumentDate = Vn.Date(f.DocumentDate),
        DocumentType = f.DocumentType, Subject = f.Subject, Signer = f.Signer, Urgency = f.Urgency, PageCount = f.PageCount, Copies = f.Copies,
        Notes = f.Notes,
    };

    /// <summary>A typed date, none when left empty; a malformed one is refused beside its field.</summary>
    public static DateOnly? TypedDate(string? text, string field, string label) =>
        Vn.TryParseOptionalDate(text, out var date) ? date : throw IncomingValidationException.For(field, Vn.DateError(label));

    public IncomingFields ToFields() =>
        new(IssuingAgency, CodeNumber, CodeNotation, TypedDate(DocumentDate, "documentDate", "Ngày văn bản"), DocumentType, Subject, Signer, Urgency, PageCount, Copies, Notes);
}

/// <summary>The Director's assignment or a re-assignment as a page form.</summary>
public sealed class AssignForm
{
    // Form binding leaves a list nobody chose from as null; the select lists need an empty one.
    private string[]? coordinating;
    private string[]? information;

    public string? Instruction { get; set; }
    public string? MainHandler { get; set; }

    public string[] Coordinating { get => coordinating ?? []; set => coordinating = value; }

    public string[] Information { get => information ?? []; set => information = value; }

    /// <summary>As typed, dd/MM/yyyy (see <see cref="FieldsForm.DocumentDate"/>).</summary>
    public string? Deadline { get; set; }

    /// <summary>A ready-made deadline picked instead of a typed one; a typed date wins.</summary>
    public DateOnly? DeadlinePreset { get; set; }

    public AssignmentOrder ToOrder() =>
        new(Instruction, MainHandler, Coordinating, Information, FieldsForm.TypedDate(Deadline, "deadline", "Thời hạn giải quyết") ?? DeadlinePreset);
}

public sealed class TextForm
{
    public string? Text { get; set; }
}

/// <summary>The Director's forwarding to a deputy, as the page posts it.</summary>
public sealed class ForwardForm
{
    public string? Deputy { get; set; }
    public string? Note { get; set; }
}
