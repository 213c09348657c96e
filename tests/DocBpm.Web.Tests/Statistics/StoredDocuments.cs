using DocBpm.Documents.Incoming;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Timers;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Web.Tests.Statistics;

/// <summary>
/// Documents stored as the flows leave them, for the statistics and the reports to count, so that each number is known in
/// advance. Instants are stored in UTC, as the flows store them.
/// </summary>
public static class StoredDocuments
{
    /// <summary>An incoming document received at <paramref name="received"/>, handled by <paramref name="unit"/> as main unit (none: it reached no unit).</summary>
    public static void Received(DbContext db, string? unit, DateTimeOffset received, IncomingStatus status, DateTimeOffset? deadline,
        DateTimeOffset? completed)
    {
        received = received.ToUniversalTime();
        deadline = deadline?.ToUniversalTime();
        var id = Guid.CreateVersion7();
        db.Set<IncomingDocument>().Add(new IncomingDocument
        {
            Id = id, ProcessKey = id.ToString(), IssuingAgency = "UBND tỉnh Lạng Sơn", CodeNumber = "12", CodeNotation = "UBND-KGVX",
            DocumentType = "Công văn", Subject = "Về việc thống kê", FileIds = "", ArrivedAt = received, ReceivedAt = received,
            Status = status, Deadline = deadline, CompletedAt = completed?.ToUniversalTime(), DocumentDate = VietnamTime.DateOf(received),
        });
        if (unit is null)
            return;
        db.Set<IncomingAssignment>().Add(new IncomingAssignment
        {
            Id = Guid.CreateVersion7(), DocumentId = id, Role = HandlingRole.Main, Kind = AssigneeKind.Unit, Assignee = unit,
            AssigneeName = unit, UnitCode = unit, AssignedBy = "giamdoc", AssignedAt = received, Deadline = deadline,
        });
    }

    /// <summary>An outgoing document of <paramref name="unit"/> created at <paramref name="created"/>, at <paramref name="stage"/>; issued on <paramref name="issued"/> if given.</summary>
    public static OutgoingDocument Drafted(DbContext db, string unit, string type, string typeName, OutgoingStage stage, DateTimeOffset created,
        DateOnly? issued)
    {
        var document = new OutgoingDocument
        {
            Id = Guid.CreateVersion7(), TypeCode = type, TypeName = typeName, Subject = "Về việc thống kê", DraftingUnit = unit,
            Drafter = "chuyenvien", Stage = stage, CreatedAt = created.ToUniversalTime(), DocumentDate = issued,
            IssuedAt = issued is { } date ? VietnamTime.StartOf(date).ToUniversalTime() : null,
        };
        db.Set<OutgoingDocument>().Add(document);
        return document;
    }
}
