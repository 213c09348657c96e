using DocBpm.Documents.Incoming;
using DocBpm.Documents.ProvincialTasks;

namespace DocBpm.Documents.Access;

/// <summary>
/// Who sees which incoming documents: those who follow them all (<see cref="Oversight"/>); a unit head what is assigned
/// to the unit or to one of its people; everyone else what is assigned to them personally (IT admins and analysts
/// included). Whoever works on a provincial task (Article 12) also reads the document that carries it. A document one
/// may not see is reported as missing.
/// </summary>
public static class IncomingVisibility
{
    /// <param name="tasks">
    /// The provincial tasks: whoever reads a task (<see cref="TaskVisibility"/>: its handler, the people of the units that
    /// lead or coordinate it) also reads the document carrying it, which the task page links.
    /// </param>
    public static IQueryable<IncomingDocument> Visible(this Reader reader, IQueryable<IncomingDocument> documents,
        IQueryable<IncomingAssignment> assignments, IQueryable<ProvincialTask> tasks)
    {
        if (reader.Follows(Overseen.Incoming))
            return documents;
        var me = reader.UserName;
        var unit = reader.IsUnitHead ? reader.UnitCode : null;
        var carriers = tasks.Involving(me, reader.UnitCode).Select(t => t.Document!.ReceivedDocumentId);
        return documents.Where(d => assignments.Any(a => a.DocumentId == d.Id
                && ((a.Kind == AssigneeKind.Person && a.Assignee == me) || (unit != null && a.UnitCode == unit)))
            || (d.ReceivedDocumentId != null && carriers.Contains(d.ReceivedDocumentId)));
    }
}
