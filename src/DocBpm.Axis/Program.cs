using DocBpm.Axis;

var builder = WebApplication.CreateBuilder(args);
builder.AddAxis();
var app = builder.Build();
await app.PrepareAxisAsync(app.Lifetime.ApplicationStopping);
app.UseAxis();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
