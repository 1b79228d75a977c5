using IntegrationHub.Delivery.Webhooks;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace IntegrationHub.Delivery.Tests.Webhooks;

/// <summary>One pipeline per endpoint, also when the first deliveries to a new endpoint arrive at the same moment.</summary>
public sealed class WebhookEndpointsTests
{
    [Fact]
    public async Task For_ManyFirstCallsAtOnce_BuildOnePipelinePerEndpoint()
    {
        var endpoints = new WebhookEndpoints(Options.Create(new WebhookOptions()));
        using var start = new ManualResetEventSlim();

        var pipelines = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
        {
            start.Wait();
            return endpoints.For(new Uri($"https://portal.kommun.example/hook/{i}"));
        })).Concat([Task.Run(() =>
        {
            start.Set();
            return endpoints.For(new Uri("https://PORTAL.kommun.example/other"));
        })]));

        Assert.Single(pipelines.Distinct());
        Assert.Equal(CircuitState.Closed, endpoints.StateOf(new Uri("https://portal.kommun.example/")));
        Assert.NotSame(pipelines[0], endpoints.For(new Uri("https://annan.kommun.example/hook")));
    }
}
