using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;

namespace DocBpm.Documents.Access;

/// <summary>
/// Who reads an outgoing document, its versions and files: its drafter, the people of its drafting unit, anyone one of
/// its tasks is or was for, the deputy supervising the drafting unit, and those who follow them all
/// (<see cref="Oversight"/>: not the IT admin). Anyone else is told it does not exist.
/// </summary>
public static class OutgoingVisibility
{
    /// <param name="supervises">The reader is the deputy supervising the drafting unit (Lãnh đạo Sở phụ trách).</param>
    /// <param name="tasks">The user tasks of the document's process, open and closed.</param>
    public static bool MayRead(this Reader reader, OutgoingDocument document, bool supervises, IEnumerable<BookmarkRecord> tasks) =>
        document.Drafter == reader.UserName
        || (reader.UnitCode is not null && reader.UnitCode == document.DraftingUnit)
        || supervises
        || reader.Follows(Overseen.Outgoing)
        || tasks.Any(t => reader.MayWork(t) || t.ClosedBy == reader.UserName);
}
