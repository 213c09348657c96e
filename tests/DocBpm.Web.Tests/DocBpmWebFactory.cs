using System.Net.Http.Headers;
using System.Net.Http.Json;
using DocBpm.Engine.Persistence;
using DocBpm.Engine.Tests.Infrastructure;
using DocBpm.Web.Accounts;
using DocBpm.Web.Scheduling;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DocBpm.Web.Tests;

/// <summary>
/// The real host on a fresh database (SQLite file or PostgreSQL), in Development so that the demo accounts exist,
/// with fake time and the scheduler off: tests fire due work through <see cref="DueWorkRunner"/> themselves.
/// </summary>
public sealed class DocBpmWebFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database;

    private DocBpmWebFactory(TestDatabase database, string? workflows)
    {
        this.database = database;
        Workflows = workflows;
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
    public string? Workflows { get; }

    public static async Task<DocBpmWebFactory> CreateAsync(DatabaseProvider provider, string? workflows = null) =>
        new(await TestDatabase.CreateAsync(provider), workflows);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:DocBpm", database.ConnectionString);
        builder.UseSetting("Scheduling:Enabled", "false");
        if (Workflows is not null)
            builder.UseSetting("Workflows:Path", Workflows);
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A client signed in with a bearer token as one of the demo accounts.</summary>
    public async Task<HttpClient> LoginAsync(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/login",
            new LoginRequest(userName, DevelopmentSeed.DemoPassword));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public Task<int> RunDueWorkAsync() =>
        Services.GetRequiredService<DueWorkRunner>().RunOnceAsync("test", CancellationToken.None);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }

    private sealed record TokenResponse(string AccessToken);
}
