using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DocBpm.Web.Tests.Accounts;

/// <summary>
/// The test server has no client address; this gives each test client one (header <c>X-Test-Client</c>) so that
/// throttling per address can be tried from two machines.
/// </summary>
public sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public static void AddTo(DocBpmWebFactory factory) =>
        factory.TestServices.Add(services => services.AddSingleton<IStartupFilter, ClientAddresses>());

    public static HttpClient From(DocBpmWebFactory factory, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
