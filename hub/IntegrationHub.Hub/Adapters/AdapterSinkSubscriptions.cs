using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store;
using IntegrationHub.Store.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Hub.Adapters;

/// <summary>
/// At start-up, gives every configured adapter sink its subscription (id derived from the sink's name, so every hub
/// process agrees on it): created from now on when new, its filter brought up to date when the configuration changed.
/// A subscription an administrator paused stays paused.
/// </summary>
public sealed partial class AdapterSinkSubscriptions(
    IEnumerable<ICaseEventSink> sinks,
    ISubscriptionStore subscriptions,
    IHubStore store,
    TimeProvider timeProvider,
    ILogger<AdapterSinkSubscriptions> logger) : IHostedService
{
    /// <summary>The subscription id of a sink: a name-based UUID, the same in every process.</summary>
    public static Guid SubscriptionId(string sinkName, string municipality)
    {
        ArgumentNullException.ThrowIfNull(sinkName);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"integrationhub:adapter-sink:{municipality}:{sinkName}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8 (custom)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
        {
            await EnsureAsync(sink, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAsync(ICaseEventSink sink, CancellationToken cancellationToken)
    {
        var id = SubscriptionId(sink.Name, sink.Filter.Municipality);
        var filter = new SubscriptionFilter
        {
            EventTypes = sink.Filter.EventTypes,
            Sources = sink.Filter.Sources,
            // An outbound side acts for the municipality itself: it sees every classification.
            ClassificationCeiling = DataClassification.Restricted,
        };
        var channel = new DeliveryChannel { Kind = DeliveryChannelKind.Adapter, Adapter = new AdapterSinkSettings { Sink = sink.Name } };
        var name = $"Adapter: {sink.Name}";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await subscriptions.GetAsync(id, cancellationToken) is { } existing)
            {
                if (!SameFilter(existing.Filter, filter) || existing.Channel != channel)
                {
                    await subscriptions.UpdateAsync(existing with { Name = name, Filter = filter, Channel = channel, UpdatedAt = timeProvider.GetUtcNow() }, existing.Version, cancellationToken);
                    LogUpdated(logger, sink.Name);
                }

                return;
            }

            var now = timeProvider.GetUtcNow();
            try
            {
                await subscriptions.CreateAsync(new Subscription
                {
                    Id = id,
                    Municipality = sink.Filter.Municipality,
                    Name = name,
                    Filter = filter,
                    Channel = channel,
                    Status = SubscriptionStatus.Active,
                    // From now on: a new sink does not act on the past (no receipts for last year's mail).
                    StartAfterSequence = await store.GetLastSequenceAsync(cancellationToken),
                    CreatedAt = now,
                    UpdatedAt = now,
                    Version = 1,
                }, cancellationToken);
                LogCreated(logger, sink.Name);
                return;
            }
            catch (DbException) when (attempt == 0)
            {
                // Another hub process created it at the same moment: read it and compare.
            }
        }
    }

    private static bool SameFilter(SubscriptionFilter a, SubscriptionFilter b) =>
        a.EventTypes.SequenceEqual(b.EventTypes) && a.Sources.SequenceEqual(b.Sources) && a.CaseTypes.SequenceEqual(b.CaseTypes)
        && a.Units.SequenceEqual(b.Units) && a.ClassificationCeiling == b.ClassificationCeiling;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the subscription of adapter sink {Sink}")]
    private static partial void LogCreated(ILogger logger, string sink);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated the subscription of adapter sink {Sink} to its configuration")]
    private static partial void LogUpdated(ILogger logger, string sink);
}
