using System.Globalization;
using DocBpm.Documents.Access;
using DocBpm.Documents.Incoming;
using DocBpm.Documents.Organisation;
using DocBpm.Documents.Outgoing;
using DocBpm.Documents.Text;
using DocBpm.Engine.Persistence;
using DocBpm.Web.Components;
using Microsoft.EntityFrameworkCore;
using static DocBpm.Web.Components.QueryFields;

namespace DocBpm.Web.Outgoing;

/// <summary>
/// The filters of the outgoing list as typed (query string of the page and of <c>GET /api/outgoing</c>): register book,
/// number (the number alone or part of the number and notation), date range of the document date (dd/MM/yyyy or
/// yyyy-MM-dd), type code, drafting unit, signer (user name or part of the printed name), urgency, words of the summary,
/// and the page. Parts of the notation, the name and the summary are compared as typed without case or diacritics
/// (<see cref="SearchPattern"/>): "ke hoach" finds "Kế hoạch", "qd-sgddt" finds "15/QĐ-SGDĐT".
/// </summary>
public sealed record OutgoingFilter(
    string? Book = null, string? Number = null, string? From = null, string? To = null, string? Type = null, string? Unit = null,
    string? Signer = null, string? Urgency = null, string? Text = null, string? Page = null, string? PageSize = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The filters checked, or the Vietnamese reason of each field that is not understood.</summary>
    public (OutgoingCriteria? Criteria, Dictionary<string, string[]> Errors) Parse()
    {
        var errors = new Dictionary<string, string[]>();
        Guid? book = null;
        if (Present(Book))
        {
            if (Guid.TryParse(Book, out var id))
                book = id;
            else
                errors["book"] = ["Sổ văn bản không hợp lệ."];
        }
        var from = Date(From, "from", "Từ ngày", errors);
        var to = Date(To, "to", "Đến ngày", errors);
        if (from > to)
            errors["to"] = ["Đến ngày phải sau hoặc bằng từ ngày."];
        Urgency? urgency = null;
        if (Present(Urgency))
        {
            // By name only: Enum.TryParse also takes any number, which is no urgency.
            if (Enum.GetNames<Urgency>().FirstOrDefault(n => n.Equals(Urgency!.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name)
                urgency = Enum.Parse<Urgency>(name);
            else
                errors["urgency"] = [$"Độ khẩn phải là một trong: {string.Join(", ", Enum.GetNames<Urgency>())}."];
        }
        var page = Whole(Page, "page", "Trang", 1, Paging.LastPage(MaxPageSize), 1, errors);
        var size = Whole(PageSize, "pageSize", "Số dòng mỗi trang", 1, MaxPageSize, DefaultPageSize, errors);
        return errors.Count > 0 ? (null, errors)
            : (new OutgoingCriteria(book, Trimmed(Number), from, to, Trimmed(Type), Trimmed(Unit), Trimmed(Signer), urgency, Trimmed(Text), page, size), errors);
    }

    private static string? Trimmed(string? text) => Present(text) ? text!.Trim() : null;
}

/// <summary>The checked filters of the outgoing list.</summary>
public sealed record OutgoingCriteria(
    Guid? Book, string? Number, DateOnly? From, DateOnly? To, string? Type, string? Unit, string? Signer, Urgency? Urgency, string? Text,
    int Page, int PageSize);

/// <summary>A row of the outgoing list.</summary>
public sealed record OutgoingRow(
    Guid Id, string? NumberAndNotation, DateOnly? DocumentDate, string TypeName, string Subject, string DraftingUnit, string? SignerName,
    Urgency Urgency, OutgoingStage Stage);

/// <summary>
/// The outgoing documents a person may read (<see cref="OutgoingVisibility"/>, the rule of the document page), filtered,
/// newest first, a page at a time (<see cref="Paging.ReadAsync"/>: not counted to the end).
/// </summary>
public sealed class OutgoingSearch(DbContext db, EngineDb engine)
{
    public async Task<PageOf<OutgoingRow>> FindAsync(Reader reader, OutgoingCriteria c, CancellationToken cancellationToken) =>
        await Paging.ReadAsync(await MatchesAsync(reader, c, cancellationToken), c.Page, c.PageSize, cancellationToken);

    /// <summary>The rows <see cref="FindAsync"/> reads a page of: every match, newest first.</summary>
    public async Task<IQueryable<OutgoingRow>> MatchesAsync(Reader reader, OutgoingCriteria c, CancellationToken cancellationToken)
    {
        var query = await VisibleAsync(reader, cancellationToken);
        if (c.Book is { } book)
            query = query.Where(d => d.RegisterBookId == book);
        if (c.Number is { } number)
        {
            query = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? query.Where(d => d.Number == n)
                : query.Where(d => EF.Functions.Like(d.NotationKey, SearchPattern.Containing(number), SearchPattern.Escape));
        }
        if (c.From is { } from)
            query = query.Where(d => d.DocumentDate >= from);
        if (c.To is { } to)
            query = query.Where(d => d.DocumentDate <= to);
        if (c.Type is { } type)
            query = query.Where(d => d.TypeCode == type);
        if (c.Unit is { } unit)
            query = query.Where(d => d.DraftingUnit == unit);
        if (c.Signer is { } signer)
            query = query.Where(d => d.SignerUserName == signer || EF.Functions.Like(d.SignerKey, SearchPattern.Containing(signer), SearchPattern.Escape));
        if (c.Urgency is { } urgency)
            query = query.Where(d => d.Urgency == urgency);
        if (c.Text is { } text)
            query = query.Where(d => EF.Functions.Like(d.SubjectKey, SearchPattern.Containing(text), SearchPattern.Escape));

        return query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new OutgoingRow(d.Id, d.NumberAndNotation, d.DocumentDate, d.TypeName, d.Subject, d.DraftingUnit, d.SignerName,
                d.Urgency, d.Stage));
    }

    /// <summary>
    /// The reader's outgoing tasks are listed before the documents are read while they are mentioned at most this many
    /// times (<see cref="OutgoingVisibility.TaskMentions"/>); a reader with more (a unit's years of reviews, offered to
    /// all its people) has each document asked about its tasks instead
    /// (<see cref="OutgoingVisibility.Visible(Reader, IQueryable{OutgoingDocument}, IReadOnlyCollection{string}, IQueryable{BookmarkRecord}, IQueryable{BookmarkCandidateRecord})"/>).
    /// Listing costs a read of every such task, asking costs the documents read until the page is full: the first is
    /// cheaper for a reader with few outgoing tasks among many documents, the second for one with many (issue 19).
    /// </summary>
    public const int ListedTaskKeys = 1_000;

    private async Task<IQueryable<OutgoingDocument>> VisibleAsync(Reader reader, CancellationToken cancellationToken)
    {
        var documents = db.Set<OutgoingDocument>().AsNoTracking();
        if (reader.Follows(Overseen.Outgoing))
            return documents;
        var me = reader.UserName;
        List<string> supervised = reader.IsDeputy
            ? await db.Set<Unit>().AsNoTracking().Where(u => u.SupervisorUserName == me).Select(u => u.Code).ToListAsync(cancellationToken)
            : [];
        var (bookmarks, candidates) = (engine.Bookmarks.AsNoTracking(), engine.Candidates.AsNoTracking());
        if (await reader.TaskMentions(bookmarks, candidates).CountAsync(cancellationToken) > ListedTaskKeys)
            return reader.Visible(documents, supervised, bookmarks, candidates);
        var keys = await reader.TaskKeys(bookmarks, candidates).ToListAsync(cancellationToken);
        List<Guid> withTasks = [.. keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
        return reader.Visible(documents, supervised, withTasks);
    }
}
