using IntegrationHub.Delivery.Tests.Support;
using IntegrationHub.Delivery.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>
/// A delivery hub as installed, without the tests' loopback allow-list: webhooks go only to public addresses. Host names
/// resolve through <see cref="Dns"/>, a stand-in the tests point where they need (a public address, then loopback).
/// </summary>
public sealed class PublicOnlyHubFactory : DeliveryHubFactory
{
    public PublicOnlyHubFactory() => Settings.Remove(AllowLoopbackKey);

    internal StubResolver Dns { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IHostAddressResolver>(Dns));
    }
}
