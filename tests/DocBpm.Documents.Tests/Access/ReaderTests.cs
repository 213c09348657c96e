using DocBpm.Documents.Access;
using DocBpm.Documents.Outgoing;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Runtime;

namespace DocBpm.Documents.Tests.Access;

/// <summary>Who sees and acts on what, decided without a web host (docs/architecture.md, "Who sees what").</summary>
[TestClass]
public sealed class ReaderTests
{
    private static Reader Person(string userName, string? unit, params string[] roles) => new(userName, unit, roles);

    private static BookmarkRecord ClerkCheck(string? assignee = null) => new()
    {
        Id = Guid.CreateVersion7(),
        ElementId = "ClerkCheck",
        Kind = BookmarkKind.UserTask,
        CandidateGroups = TaskAccess.Encode([StaffRole.Clerk]),
        Assignee = assignee,
    };

    [TestMethod]
    public void The_roles_that_follow_everything_are_one_table_and_the_administrator_reads_no_document_by_role()
    {
        Assert.IsTrue(Person("giamdoc", null, StaffRole.Director).Follows(Overseen.Outgoing));
        Assert.IsTrue(Person("vanthu", "VP", StaffRole.Clerk).Follows(Overseen.Incoming | Overseen.Outgoing));
        Assert.IsTrue(Person("chanhvanphong", "VP", StaffRole.OfficeChief).Follows(Overseen.Outgoing));
        Assert.IsTrue(Person("phogiamdoc1", null, StaffRole.Deputy).Follows(Overseen.Incoming));
        Assert.IsFalse(Person("phogiamdoc1", null, StaffRole.Deputy).Follows(Overseen.Outgoing), "a deputy reads the drafts of supervised units only");

        var admin = Person("quantri", null, StaffRole.Administrator);
        Assert.IsFalse(admin.Follows(Overseen.Incoming));
        Assert.IsFalse(admin.Follows(Overseen.Outgoing), "administering the system gives no right to read its drafts");
        Assert.IsTrue(admin.Follows(Overseen.ProvincialTasks), "the IT admin follows the tasks' progress");
        Assert.IsFalse(Person("phantich", null, StaffRole.Analyst).Follows(Overseen.ProvincialTasks));
    }

    [TestMethod]
    public void Administrator_reads_an_outgoing_draft_only_as_any_person_would()
    {
        var draft = new OutgoingDocument { Drafter = "chuyenvien", DraftingUnit = "GDTrH", Subject = "Về việc", TypeCode = "CV", TypeName = "Công văn" };
        var clerkTask = ClerkCheck();

        Assert.IsFalse(Person("quantri", null, StaffRole.Administrator).MayRead(draft, supervises: false, [clerkTask]));
        Assert.IsTrue(Person("vanthu", "VP", StaffRole.Clerk).MayRead(draft, supervises: false, []));
        Assert.IsTrue(Person("chuyenvien.gdtrh2", "GDTrH", StaffRole.Staff).MayRead(draft, supervises: false, []), "the drafting unit");
        Assert.IsTrue(Person("phogiamdoc1", null, StaffRole.Deputy).MayRead(draft, supervises: true, []), "the supervising deputy");
        Assert.IsFalse(Person("chuyenvien.khtc", "KHTC", StaffRole.Staff).MayRead(draft, supervises: false, []));
    }

    [TestMethod]
    public void Administrator_works_no_document_task_but_may_operate_any_other()
    {
        var admin = Person("quantri", null, StaffRole.Administrator);

        Assert.IsFalse(admin.MayWork(ClerkCheck()), "the clerks' check is the clerks'");
        Assert.IsTrue(TaskAccess.MayWork(ClerkCheck(), admin.Operator), "the generic endpoints of processes without a record");
        Assert.IsTrue(Person("vanthu", "VP", StaffRole.Clerk).MayWork(ClerkCheck()));
    }

    [TestMethod]
    public void A_claim_is_released_by_its_claimer_a_head_of_a_unit_it_is_offered_to_or_an_administrator()
    {
        var claimed = new BookmarkRecord
        {
            ElementId = "Handle",
            Kind = BookmarkKind.UserTask,
            CandidateGroups = TaskAccess.Encode(["GDTrH"]),
            Assignee = "chuyenvien",
        };

        Assert.IsTrue(Person("chuyenvien", "GDTrH", StaffRole.Staff).MayRelease(claimed));
        Assert.IsTrue(Person("truongphong.gdtrh", "GDTrH", StaffRole.UnitHead).MayRelease(claimed));
        Assert.IsTrue(Person("quantri", null, StaffRole.Administrator).MayRelease(claimed));
        Assert.IsFalse(Person("truongphong.tccb", "TCCB", StaffRole.UnitHead).MayRelease(claimed), "the head of another unit");
        Assert.IsFalse(Person("chuyenvien2", "GDTrH", StaffRole.Staff).MayRelease(claimed), "a colleague who is not its head");
        Assert.IsFalse(Person("giamdoc", null, StaffRole.Director).MayRelease(claimed));
    }
}
