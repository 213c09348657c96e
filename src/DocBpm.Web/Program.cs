using DocBpm.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddDocBpm();

var app = builder.Build();
await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping);
app.UseDocBpm();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
