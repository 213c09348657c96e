using System.Net;
using System.Reflection;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Engine.Timers;
using DocBpm.Web.Tests.Outgoing;
using DocBpm.Web.Tests.ProvincialTasks;
using Microsoft.AspNetCore.Components;

namespace DocBpm.Web.Tests.Components;

/// <summary>
/// A page loads everything its components show before rendering them (docs/architecture.md, "Pages load, components
/// show"): a component querying in its own lifecycle shares the request's DbContext with the page and its siblings,
/// and on PostgreSQL the second query fails with "A second operation was started on this context".
/// </summary>
[TestClass]
public sealed class PageDataTests
{
    /// <summary>Enough loads for an overlap of the page's and a component's queries to show at least once.</summary>
    private const int Loads = 20;

    public static IEnumerable<object[]> Providers => TestDatabase.Providers;

    [TestMethod]
    public void Components_below_a_page_do_not_load_data_in_their_lifecycle_methods()
    {
        string[] lifecycle = ["OnInitializedAsync", "OnParametersSetAsync", "OnInitialized", "OnParametersSet"];
        var loading = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && t.GetCustomAttribute<RouteAttribute>() is null && !t.IsAbstract)
            .Where(t => t.Namespace?.StartsWith("DocBpm.Web", StringComparison.Ordinal) == true)
            .SelectMany(t => lifecycle.Select(name => (Type: t, Method: t.GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic, []))))
            .Where(m => m.Method is not null && m.Method.DeclaringType != typeof(ComponentBase) && m.Method.DeclaringType != typeof(LayoutComponentBase)
                && !typeof(Web.Components.SignedInPage).IsAssignableFrom(m.Method.DeclaringType))
            .Select(m => $"{m.Type.Name}.{m.Method!.Name}")
            .ToList();

        CollectionAssert.AreEqual(Array.Empty<string>(), loading, "components get their data as parameters from the page");
    }

    [TestMethod]
    [DynamicData(nameof(Providers))]
    public async Task Pages_with_components_never_fail_on_a_shared_DbContext(DatabaseProvider provider)
    {
        await using var s = await ProvincialScenario.StartAsync(provider);
        var task = await s.TaskAtHandlerAsync("51/UBND-VP", "Rà soát cơ sở vật chất các trường THPT", VietnamTime.At(2026, 12, 15, 17, 0));
        var draft = await s.Handler.CreateOutgoingAsync(new
        {
            typeCode = "CV",
            subject = "Về việc rà soát cơ sở vật chất",
            urgency = "Normal",
            recipients = new object[] { new { kind = "Unit", code = "KHTC" } },
        });
        (HttpClient Person, string Path)[] pages =
        [
            (s.Handler, $"/provincial-tasks/{task}"),
            (s.Director, $"/provincial-tasks/{task}"),
            (s.Handler, $"/incoming/{s.CarrierId}"),
            (s.Clerk, $"/incoming/{s.CarrierId}"),
            (s.Handler, "/outgoing"),
            (s.Handler, $"/outgoing/{draft}"),
        ];

        var failures = new List<string>();
        foreach (var (person, path) in pages)
        {
            for (var load = 0; load < Loads; load++)
            {
                using var response = await person.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                    failures.Add($"{path}: {(int)response.StatusCode}");
            }
        }

        CollectionAssert.AreEqual(Array.Empty<string>(), failures, "every load of every page answers 200");
    }
}
