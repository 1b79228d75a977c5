using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using IntegrationHub.Delivery.Webhooks;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>A DNS stand-in: names resolve to what a test says (and may change, as in DNS rebinding); others do not resolve.</summary>
internal sealed class StubResolver : IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>From now on <paramref name="host"/> resolves to <paramref name="addresses"/>.</summary>
    public StubResolver Set(string host, params string[] addresses)
    {
        _names[host] = [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        _names.TryGetValue(host, out var addresses)
            ? Task.FromResult<IReadOnlyList<IPAddress>>(addresses)
            : Task.FromException<IReadOnlyList<IPAddress>>(new SocketException((int)SocketError.HostNotFound));
}
