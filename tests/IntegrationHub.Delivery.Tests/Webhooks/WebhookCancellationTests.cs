using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookCancellationTests : IAsyncLifetime
{
    private readonly WebhookHarness _webhook = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _webhook.DisposeAsync().AsTask();

    [Fact]
    public async Task Webhook_CallerCancels_ThrowsOperationCanceledInsteadOfReportingTheSubscriber()
    {
        _webhook.Receiver.Answer(200, delay: TimeSpan.FromSeconds(2));
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _webhook.DeliverAsync(Examples.Load(Examples.Opened), shutdown.Token));
    }
}
