using DocBpm.Documents.Access;
using DocBpm.Engine;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Records;

/// <summary>
/// Building the draft plan (NĐ30 Article 28, Phụ lục V): headings renamed, reordered and removed, planned files changed
/// and removed, the numbering recomputed after each. The rules are the plan's (<see cref="FilePlan"/>): a submitted plan
/// waits for its review, an approved one is fixed.
/// </summary>
public sealed partial class RecordFiles
{
    public async Task<FilePlanHeading> RenameHeadingAsync(Guid planId, Guid headingId, string? title, string? abbreviation, int? revision,
        Reader reader, CancellationToken cancellationToken)
    {
        var (plan, heading) = await DraftHeadingAsync(planId, headingId, revision, reader, cancellationToken);
        (heading.Title, heading.Abbreviation) = (Required(title, "Tên đề mục", "title"), plan.Abbreviation(abbreviation ?? "", heading));
        await SaveNumberedAsync(plan, await PlannedAsync(plan, cancellationToken), cancellationToken);
        return heading;
    }

    public async Task MoveHeadingAsync(Guid planId, Guid headingId, int ordinal, int? revision, Reader reader, CancellationToken cancellationToken)
    {
        var (plan, heading) = await DraftHeadingAsync(planId, headingId, revision, reader, cancellationToken);
        plan.MoveHeading(heading, ordinal);
        await SaveNumberedAsync(plan, await PlannedAsync(plan, cancellationToken), cancellationToken);
    }

    public async Task RemoveHeadingAsync(Guid planId, Guid headingId, int? revision, Reader reader, CancellationToken cancellationToken)
    {
        var (plan, heading) = await DraftHeadingAsync(planId, headingId, revision, reader, cancellationToken);
        var planned = await PlannedAsync(plan, cancellationToken);
        plan.RemoveHeading(heading, planned);
        db.Set<FilePlanHeading>().Remove(heading);
        await SaveNumberedAsync(plan, planned, cancellationToken);
    }

    public async Task<RecordFile> ReplanFileAsync(Guid planId, Guid fileId, PlannedFileInput input, int? revision, Reader reader,
        CancellationToken cancellationToken)
    {
        var plan = await DraftAsync(planId, revision, reader, cancellationToken);
        var planned = await PlannedAsync(plan, cancellationToken);
        var file = planned.FirstOrDefault(f => f.Id == fileId) ?? throw RecordsRefusedException.NotFound("hồ sơ trong danh mục", fileId);
        var (keeper, unit) = await KeeperAsync(input, cancellationToken);
        plan.Replan(file, HeadingOf(plan, input.HeadingId), Required(input.Title, "Tiêu đề hồ sơ", "title"), input.RetentionYears, keeper, unit,
            Blank(input.Note));
        await SaveNumberedAsync(plan, planned, cancellationToken);
        return file;
    }

    public async Task UnplanFileAsync(Guid planId, Guid fileId, int? revision, Reader reader, CancellationToken cancellationToken)
    {
        var plan = await DraftAsync(planId, revision, reader, cancellationToken);
        var planned = await PlannedAsync(plan, cancellationToken);
        var file = planned.FirstOrDefault(f => f.Id == fileId) ?? throw RecordsRefusedException.NotFound("hồ sơ trong danh mục", fileId);
        plan.Unplan(file);
        db.Set<RecordFile>().Remove(file);
        await SaveNumberedAsync(plan, [.. planned.Where(f => f != file)], cancellationToken);
    }

    private async Task<(FilePlan Plan, FilePlanHeading Heading)> DraftHeadingAsync(Guid planId, Guid headingId, int? revision, Reader reader,
        CancellationToken cancellationToken)
    {
        var plan = await DraftAsync(planId, revision, reader, cancellationToken);
        return (plan, HeadingOf(plan, headingId));
    }

    /// <summary>The draft the office edits, as it read it (<paramref name="revision"/>; none is refused), tracked for the change.</summary>
    private async Task<FilePlan> DraftAsync(Guid planId, int? revision, Reader reader, CancellationToken cancellationToken)
    {
        ExpectPlanner(reader);
        var plan = await PlanAsync(planId, cancellationToken);
        plan.ExpectDraft();
        plan.ExpectRevision(revision);
        return plan;
    }

    private static FilePlanHeading HeadingOf(FilePlan plan, Guid headingId) =>
        plan.Headings.FirstOrDefault(h => h.Id == headingId) ?? throw RecordsRefusedException.Invalid("heading", "Chọn đề mục có trong danh mục.",
            $"Heading {headingId} is not in plan {plan.Id}.", "headingId");

    private Task<List<RecordFile>> PlannedAsync(FilePlan plan, CancellationToken cancellationToken) =>
        db.Set<RecordFile>().Where(f => f.PlanId == plan.Id).ToListAsync(cancellationToken);

    /// <summary>The keeper is someone of the Department (by login, stored as the account spells it); the unit is the plan's to name.</summary>
    private async Task<(string? Keeper, string? UnitCode)> KeeperAsync(PlannedFileInput input, CancellationToken cancellationToken)
    {
        if (Blank(input.Keeper) is not { } keeper)
            return (null, Blank(input.UnitCode));
        var person = await people.FindAsync(keeper, cancellationToken)
            ?? throw RecordsRefusedException.Invalid("keeper", $"Không có người dùng {keeper} trong Sở; chọn người lập hồ sơ trong danh sách.",
                $"Keeper {keeper} does not exist.", "keeper");
        return (person.UserName, Blank(input.UnitCode));
    }

    /// <summary>
    /// Saves the plan's change with the files numbered again. The heading ordinals and file notations are unique in the
    /// database, and renumbering swaps them, so the changed ones first take values nobody holds (negative ordinals, a
    /// notation made of the file's own id), then their own, in one transaction. Someone else's change to the same plan
    /// meanwhile (an edit, the submission, a decision) makes the plan's revision, a key or a file's revision clash: a lost
    /// race, refused, nothing stored.
    /// </summary>
    private async Task SaveNumberedAsync(FilePlan plan, IReadOnlyList<RecordFile> planned, CancellationToken cancellationToken)
    {
        var numbering = plan.Numbering(planned);
        var renumbered = numbering.Where(n => n.File.Serial != n.Serial || n.File.Notation != n.Notation).ToList();
        var moved = plan.Headings.Where(h => db.Entry(h).State == EntityState.Modified && db.Entry(h).Property(x => x.Ordinal).IsModified).ToList();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            plan.Changed();
            foreach (var heading in moved)
                heading.Ordinal = -heading.Ordinal;
            foreach (var (file, _, _) in renumbered)
                file.Notation = "~" + file.Id.ToString("N")[13..];
            await db.SaveChangesAsync(cancellationToken);
            foreach (var heading in moved)
                heading.Ordinal = -heading.Ordinal;
            foreach (var (file, serial, notation) in renumbered)
            {
                (file.Serial, file.Notation) = (serial, notation);
                file.Revision++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw plan.LostRace();
        }
    }
}
