using IntegrationHub.Delivery.Email;
using IntegrationHub.Delivery.RabbitMq;
using IntegrationHub.Delivery.Webhooks;
using IntegrationHub.Hub.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>
/// Every delivery setting out of range is refused with a message naming it, as the host does at start
/// (StartupConfigurationTests shows the process exiting with such a message; here each rule is checked quickly in-process).
/// </summary>
public sealed class DeliverySettingsValidationTests
{
    [Theory]
    [InlineData("Hub:Delivery:PollInterval", "00:00:00.001", "Hub:Delivery:PollInterval is between")]
    [InlineData("Hub:Delivery:PollInterval", "00:05:00", "Hub:Delivery:PollInterval is between")]
    [InlineData("Hub:Delivery:MaxOpenPerSubscription", "0", "Hub:Delivery:MaxOpenPerSubscription is between 1 and 10000")]
    [InlineData("Hub:Delivery:MaxParallelism", "0", "Hub:Delivery:MaxParallelism is between 1 and 1000")]
    [InlineData("Hub:Delivery:LeaseDuration", "02:00:00", "Hub:Delivery:LeaseDuration is between")]
    [InlineData("Hub:Delivery:FirstRetryDelay", "00:00:00", "Hub:Delivery:FirstRetryDelay is between")]
    [InlineData("Hub:Delivery:MaxRetryDelay", "2.00:00:00", "Hub:Delivery:MaxRetryDelay is between")]
    [InlineData("Hub:Delivery:MaxAttempts", "101", "Hub:Delivery:MaxAttempts is between 1 and 100")]
    public void DeliveryOptions_OutOfRange_AreRefusedNamingTheSetting(string key, string value, string expected) =>
        AssertRefused<DeliveryOptions>(key, value, expected);

    [Theory]
    [InlineData("Hub:Delivery:Webhooks:FailureRatio", "0", "Hub:Delivery:Webhooks:FailureRatio is a share")]
    [InlineData("Hub:Delivery:Webhooks:MinimumThroughput", "1", "Hub:Delivery:Webhooks:MinimumThroughput is between 2 and 10000")]
    [InlineData("Hub:Delivery:Webhooks:SamplingDuration", "00:00:00.1", "Hub:Delivery:Webhooks:SamplingDuration is between")]
    [InlineData("Hub:Delivery:Webhooks:BreakDuration", "02:00:00", "Hub:Delivery:Webhooks:BreakDuration is between")]
    [InlineData("Hub:Delivery:Webhooks:AllowedNetworks:0", "10.1.2.0/16", "Hub:Delivery:Webhooks:AllowedNetworks:0 is '10.1.2.0/16', which is not a network in CIDR notation")]
    [InlineData("Hub:Delivery:Webhooks:AllowedNetworks:0", "intranet", "Hub:Delivery:Webhooks:AllowedNetworks:0 is 'intranet'")]
    [InlineData("Hub:Delivery:Webhooks:AllowedHosts:0", "10.0.0.1", "Hub:Delivery:Webhooks:AllowedHosts:0 is '10.0.0.1', an address")]
    [InlineData("Hub:Delivery:Webhooks:AllowedHosts:0", "http://portal/", "Hub:Delivery:Webhooks:AllowedHosts:0 is 'http://portal/', which is not a host name")]
    public void WebhookOptions_OutOfRange_AreRefusedNamingTheSetting(string key, string value, string expected) =>
        AssertRefused<WebhookOptions>(key, value, expected);

    [Fact]
    public void RabbitMqRecoveryInterval_OutOfRange_IsRefusedNamingTheSetting() =>
        AssertRefused<RabbitMqOptions>("Hub:Delivery:RabbitMq:Brokers:default:RecoveryInterval", "00:00:00.01",
            "Hub:Delivery:RabbitMq:Brokers:default:RecoveryInterval must be between", ("Hub:Delivery:RabbitMq:Brokers:default:Uri", "amqp://rabbit.kommun.se/"));

    [Fact]
    public void SmtpSecurity_Unknown_IsRefusedNamingTheSetting() =>
        Assert.Contains("Hub:Delivery:Email:Security", Refusal<EmailNotificationOptions>(
            ("Hub:Delivery:Email:Host", "smtp.kommun.se"), ("Hub:Delivery:Email:From", "noreply@kommun.se"), ("Hub:Delivery:Email:Security", "Telepathy")),
            StringComparison.Ordinal);

    private static void AssertRefused<TOptions>(string key, string value, string expected, params (string Key, string Value)[] more)
        where TOptions : class =>
        Assert.Contains(expected, Refusal<TOptions>([(key, value), .. more]), StringComparison.Ordinal);

    private static string Refusal<TOptions>(params (string Key, string Value)[] settings)
        where TOptions : class
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddEventDelivery(configuration).BuildServiceProvider();
        var refused = Record.Exception(() => provider.GetRequiredService<IOptions<TOptions>>().Value);
        return refused switch
        {
            OptionsValidationException e => string.Join(" ", e.Failures),
            InvalidOperationException e => e.Message,
            _ => throw new Xunit.Sdk.XunitException($"The settings were accepted: {string.Join(", ", settings)}"),
        };
    }
}
