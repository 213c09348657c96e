using DocBpm.Documents.Registers;
using DocBpm.Engine.Activities;
using Microsoft.EntityFrameworkCore;

namespace DocBpm.Documents.Tests.Infrastructure;

/// <summary>What the incoming and outgoing registration activities do: take a number and store the record that bears it.</summary>
[Activity("TakeRegisterNumber", Category = "Kiểm thử", DisplayName = "Cấp số")]
public sealed class TakeRegisterNumber(RegisterNumbers numbers, DbContext db) : IActivity
{
    [Input(DisplayName = "Sổ")]
    public required Input<string> Book { get; init; }

    [Output(DisplayName = "Số")]
    public Output<int> Number { get; init; } = new();

    public async ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var number = await numbers.AllocateAsync(Guid.Parse(context.Get(Book)), cancellationToken);
        db.Add(new NumberedRecord { Id = Guid.CreateVersion7(), BookId = number.BookId, Year = number.Year, Number = number.Value });
        context.Set(Number, number.Value);
        return Outcome.Done;
    }
}
