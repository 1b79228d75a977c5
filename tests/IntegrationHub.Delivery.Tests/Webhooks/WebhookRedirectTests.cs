using IntegrationHub.Delivery.Tests.Support;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookRedirectTests : IAsyncLifetime
{
    private readonly WebhookHarness _webhook = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _webhook.DisposeAsync().AsTask();

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Webhook_Redirect_IsNotFollowedAndNotCountedAsDelivered(int status)
    {
        _webhook.Receiver.Answer(status, headers: ("Location", new Uri(_webhook.Receiver.BaseUrl, "/elsewhere").ToString()));
        _webhook.Receiver.AlsoAccept("/elsewhere");

        var outcome = await _webhook.DeliverAsync(Examples.Load(Examples.Opened), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith($"The endpoint answered {status}", outcome.Error, StringComparison.Ordinal);
        var request = Assert.Single(_webhook.Receiver.Requests);
        Assert.Equal(WebhookReceiver.HookPath, request.Path);
    }
}
