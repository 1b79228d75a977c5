using IntegrationHub.Canonical.Model;
using IntegrationHub.Delivery.Tests.Support;
using IntegrationHub.Delivery.Webhooks;

namespace IntegrationHub.Delivery.Tests.Contract;

/// <summary>The webhook channel; the receiver is a WireMock endpoint, unreachable once stopped.</summary>
public sealed class WebhookChannelFixture : IDeliveryChannelFixture
{
    private WebhookHarness? _harness;

    private WebhookHarness Harness => _harness ?? throw new InvalidOperationException("Not initialised.");

    public IDeliveryChannel Channel => Harness.Channel;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        _harness = new WebhookHarness();
        return Task.CompletedTask;
    }

    public Task<PreparedDelivery> PrepareAsync(CaseEvent caseEvent, CancellationToken cancellationToken) =>
        Task.FromResult(new PreparedDelivery(TestRequests.Webhook(Harness.Receiver.Url, Harness.Secret, caseEvent), [Harness.Receiver.Url.ToString()]));

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int count, CancellationToken cancellationToken) =>
        // WireMock has logged a request before its answer reaches the channel: nothing to wait for.
        Task.FromResult<IReadOnlyList<ReceivedMessage>>(
            [.. Harness.Receiver.Requests.Select(r => new ReceivedMessage(Harness.Receiver.Url.ToString(), Uri.UnescapeDataString(r.Header(WebhookSignature.IdHeader) ?? string.Empty)))]);

    public string? CarriedId(CaseEvent caseEvent) => caseEvent.Id;

    public Task MakeReceiverUnreachableAsync(CancellationToken cancellationToken)
    {
        Harness.Receiver.Stop();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
