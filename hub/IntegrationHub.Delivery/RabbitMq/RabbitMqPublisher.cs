using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.Delivery.RabbitMq;

/// <summary>
/// One connection and one confirming channel per configured broker, created on first use. The client's automatic
/// recovery reconnects after a broker restart; until it has, publishing fails and the delivery is retried later.
/// A channel the broker closed (e.g. a refused exchange) is replaced on the next publish.
/// </summary>
public sealed class RabbitMqPublisher(IReadOnlyDictionary<string, RabbitMqBrokerOptions> brokers) : IAsyncDisposable
{
    private readonly Dictionary<string, BrokerLink> _links = brokers.ToDictionary(b => b.Key, b => new BrokerLink(b.Key, b.Value), StringComparer.Ordinal);

    /// <summary>Whether a broker of that name is configured.</summary>
    public bool Knows(string broker) => _links.ContainsKey(broker);

    /// <summary>Publishes one persistent message and waits for the broker's confirm.</summary>
    /// <exception cref="PublishException">The broker refused (nacked) the message.</exception>
    /// <exception cref="OperationInterruptedException">The broker closed the channel (e.g. the exchange has another type).</exception>
    /// <exception cref="BrokerUnreachableException">No connection could be made.</exception>
    public async Task PublishAsync(string broker, string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var link = _links.TryGetValue(broker, out var found) ? found : throw new KeyNotFoundException($"No RabbitMQ broker named '{broker}' is configured.");
        await link.PublishAsync(exchange, routingKey, properties, body, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var link in _links.Values)
        {
            await link.DisposeAsync();
        }
    }

    private sealed class BrokerLink(string name, RabbitMqBrokerOptions options) : IAsyncDisposable
    {
        // One publisher at a time per broker: confirms are awaited per message, and the channel is replaced under it.
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
        private IConnection? _connection;
        private IChannel? _channel;

        public async Task PublishAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var channel = await ChannelAsync(cancellationToken);
                if (!_declared.Contains(exchange))
                {
                    await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
                    _declared.Add(exchange);
                }

                await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, body, cancellationToken);
            }
            catch (OperationInterruptedException)
            {
                // The broker closed the channel; declare again on the next try (it may have lost its definitions).
                _declared.Clear();
                throw;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            _gate.Dispose();
        }

        private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
        {
            if (_connection is null)
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(options.Uri!),
                    AutomaticRecoveryEnabled = true,
                    TopologyRecoveryEnabled = true,
                    NetworkRecoveryInterval = options.RecoveryInterval,
                    ClientProvidedName = $"IntegrationHub delivery ({name})",
                };
                _connection = await factory.CreateConnectionAsync(cancellationToken);
            }

            if (_channel is { IsOpen: true })
            {
                return _channel;
            }

            if (_channel is not null && _connection.IsOpen)
            {
                // Closed by the broker (a channel error), not by a lost connection that recovery will bring back.
                await _channel.DisposeAsync();
                _channel = null;
            }

            _channel ??= await _connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            return _channel;
        }
    }
}
