using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>
/// A subscriber's side of the test broker: declares uniquely named exchanges and queues (deleted afterwards, so that
/// tests run in parallel and repeatedly), and reads what arrived. Its connection recovers by itself after a restart.
/// </summary>
internal sealed class RabbitMqTestBroker : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly List<string> _exchanges = [];
    private readonly List<string> _queues = [];

    private RabbitMqTestBroker(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Whether the connection is (again) usable.</summary>
    public bool IsOpen => _channel.IsOpen;

    public static async Task<RabbitMqTestBroker> ConnectAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = TestEnvironment.RabbitMq,
            AutomaticRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(1),
            ClientProvidedName = "IntegrationHub.Delivery.Tests subscriber",
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        return new RabbitMqTestBroker(connection, await connection.CreateChannelAsync(cancellationToken: cancellationToken));
    }

    /// <summary>A name no other test uses; deleted when this is disposed.</summary>
    public string NewExchangeName()
    {
        var name = $"ihub-test-{Guid.NewGuid():N}";
        _exchanges.Add(name);
        return name;
    }

    /// <summary>Declares the exchange as the hub does (durable topic), so that queues can be bound before the first publish.</summary>
    public Task DeclareExchangeAsync(string exchange, CancellationToken cancellationToken) =>
        DeclareExchangeAsync(exchange, ExchangeType.Topic, cancellationToken);

    /// <summary>Declares a durable exchange of the given type (e.g. one the hub must refuse to publish to).</summary>
    public Task DeclareExchangeAsync(string exchange, string type, CancellationToken cancellationToken) =>
        _channel.ExchangeDeclareAsync(exchange, type, durable: true, autoDelete: false, cancellationToken: cancellationToken);

    /// <summary>Deletes an exchange, as an administrator might behind the hub's back.</summary>
    public Task DeleteExchangeAsync(string exchange, CancellationToken cancellationToken) =>
        _channel.ExchangeDeleteAsync(exchange, cancellationToken: cancellationToken);

    /// <summary>A queue of this connection alone (gone when it closes) bound with <paramref name="bindingKey"/>.</summary>
    public async Task<string> BindExclusiveQueueAsync(string exchange, string bindingKey, CancellationToken cancellationToken)
    {
        var queue = await _channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await _channel.QueueBindAsync(queue.QueueName, exchange, bindingKey, cancellationToken: cancellationToken);
        return queue.QueueName;
    }

    /// <summary>A durable queue (it survives a broker restart) bound with <paramref name="bindingKey"/>; deleted when this is disposed.</summary>
    public async Task<string> BindDurableQueueAsync(string exchange, string bindingKey, CancellationToken cancellationToken)
    {
        var name = $"ihub-test-{Guid.NewGuid():N}";
        _queues.Add(name);
        await _channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await _channel.QueueBindAsync(name, exchange, bindingKey, cancellationToken: cancellationToken);
        return name;
    }

    /// <summary>Takes the next message of the queue, or null when it is empty.</summary>
    public Task<BasicGetResult?> TakeAsync(string queue, CancellationToken cancellationToken) =>
        _channel.BasicGetAsync(queue, autoAck: true, cancellationToken);

    /// <summary>Takes every message of the queue until it is empty.</summary>
    public async Task<IReadOnlyList<BasicGetResult>> TakeAllAsync(string queue, CancellationToken cancellationToken)
    {
        var messages = new List<BasicGetResult>();
        while (await TakeAsync(queue, cancellationToken) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    /// <summary>Whether an exchange of that name exists, as a durable topic exchange (a redeclaration with other settings fails).</summary>
    public async Task<bool> IsDurableTopicExchangeAsync(string exchange, CancellationToken cancellationToken)
    {
        // A refused declaration closes the channel: use one of its own.
        await using var probe = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.ExchangeDeclarePassiveAsync(exchange, cancellationToken);
            await probe.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 404 or 406)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel.IsOpen)
        {
            foreach (var queue in _queues)
            {
                await _channel.QueueDeleteAsync(queue);
            }

            foreach (var exchange in _exchanges)
            {
                await _channel.ExchangeDeleteAsync(exchange);
            }
        }

        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
