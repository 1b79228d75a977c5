using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EdpFuture.Tests.Simulation;
using WireMock.Handlers;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Client;

/// <summary>
/// The WireMock mappings shipped in samples/edp-future/__admin/mappings (matched on the .svc path and the SOAPAction)
/// serve the sample answers, so an integrator can run the same simulated Future outside the tests.
/// </summary>
public sealed class StaticMappingTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings
    {
        Urls = ["http://127.0.0.1:0"],
        StartAdminInterface = false,
        FileSystemHandler = new LocalFileSystemHandler(Samples.Path(string.Empty)),
        ReadStaticMappings = true,
    });

    public void Dispose() => _server.Stop();

    [Fact]
    public async Task TheShippedMappings_AnswerEveryOperationTheClientUses()
    {
        var options = new EdpFutureOptions { Municipality = "2281", BaseUrl = new Uri($"{_server.Url}{FutureSimulator.SvcPath}"), CustomerIds = [100245] };
        var client = new EdpFuture.Client.EdpFutureClient(new HttpClient(), options, new CircuitMonitor(), TimeProvider.System);

        Assert.Equal(5, _server.Mappings.Count);
        Assert.Equal(3, (await client.GetErrandsForCustomerAsync(100245, CancellationToken.None)).Count);
        Assert.Equal(2, (await client.GetAuthorizedUsersAsync(null, "100245", CancellationToken.None)).Count);
        Assert.Equal(100245, (await client.GetCustomerByIdAsync(100245, CancellationToken.None))!.Id);
    }
}
