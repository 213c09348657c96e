using DocBpm.Documents.Incoming;
using DocBpm.Documents.ProvincialTasks;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

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
        IQueryable<IncomingAssignment> assignments, IQueryable<ProvincialTask> tasks) => reader.Visible(documents, assignments, tasks, worksOnTasks: true);

    /// <param name="worksOnTasks">
    /// False when the reader is known (<see cref="WorksOnTasksAsync"/>) to work on no provincial task: the condition is
    /// then the assignment alone, a semi-join that PostgreSQL probes per candidate document, where the <c>OR</c> with the
    /// carriers made it hash every assignment the unit ever had on every search (issue 19).
    /// </param>
    public static IQueryable<IncomingDocument> Visible(this Reader reader, IQueryable<IncomingDocument> documents,
        IQueryable<IncomingAssignment> assignments, IQueryable<ProvincialTask> tasks, bool worksOnTasks)
    {
        if (reader.Follows(Overseen.Incoming))
            return documents;
        var me = reader.UserName;
        var unit = reader.IsUnitHead ? reader.UnitCode : null;
        Expression<Func<IncomingDocument, bool>> assigned = d => assignments.Any(a => a.DocumentId == d.Id
            && ((a.Kind == AssigneeKind.Person && a.Assignee == me) || (unit != null && a.UnitCode == unit)));
        if (!worksOnTasks)
            return documents.Where(assigned);
        var carriers = tasks.Involving(me, reader.UnitCode).Select(t => t.Document!.ReceivedDocumentId);
        Expression<Func<IncomingDocument, bool>> carried = d => d.ReceivedDocumentId != null && carriers.Contains(d.ReceivedDocumentId);
        var document = assigned.Parameters[0];
        return documents.Where(Expression.Lambda<Func<IncomingDocument, bool>>(
            Expression.OrElse(assigned.Body, ReplacingExpressionVisitor.Replace(carried.Parameters[0], document, carried.Body)), document));
    }

    /// <summary>Whether the reader reads any provincial task (and so the documents carrying them): one indexed query.</summary>
    public static Task<bool> WorksOnTasksAsync(this Reader reader, IQueryable<ProvincialTask> tasks, CancellationToken cancellationToken) =>
        reader.Follows(Overseen.Incoming) ? Task.FromResult(false) : tasks.Involving(reader.UserName, reader.UnitCode).AnyAsync(cancellationToken);
}
