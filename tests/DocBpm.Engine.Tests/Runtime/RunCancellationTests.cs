using DocBpm.Engine.Activities;
using DocBpm.Engine.Model;
using DocBpm.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static DocBpm.Engine.Tests.Runtime.Bpmn;

namespace DocBpm.Engine.Tests.Runtime;

/// <summary>A run whose caller gives up (a request aborted, a host stopping) between two of its steps.</summary>
[TestClass]
public sealed class RunCancellationTests
{
    [TestMethod]
    public async Task A_run_whose_caller_cancels_it_between_two_steps_stops_before_the_next_one()
    {
        using var caller = new CancellationTokenSource();
        await using var services = new ServiceCollection().AddSingleton<TimeProvider>(new FakeTimeProvider()).AddSingleton(caller)
            .AddDocBpmInterpreter().AddActivity<CancelCaller>().BuildServiceProvider();
        var model = BpmnParser.ParseSingle(Process("""<bpmn:startEvent id="s"/>""" + Service("giveUp", "CancelCaller") + UserTask("after")
            + """<bpmn:endEvent id="e"/>""" + Chain("s", "giveUp", "after", "e")), services.GetRequiredService<ActivityRegistry>());
        var host = services.GetRequiredService<InMemoryWorkflowHost>();

        await Assert.ThrowsExactlyAsync<OperationCanceledException>(() => host.StartAsync(model, null, caller.Token));
    }

    /// <summary>Cancels the token its run was started with, as a caller giving up while the step runs would.</summary>
    [Activity("CancelCaller", Category = "Kiểm thử", DisplayName = "Người gọi bỏ dở")]
    public sealed class CancelCaller(CancellationTokenSource caller) : IActivity
    {
        public ValueTask<Outcome> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            caller.Cancel();
            return ValueTask.FromResult(Outcome.Done);
        }
    }
}
