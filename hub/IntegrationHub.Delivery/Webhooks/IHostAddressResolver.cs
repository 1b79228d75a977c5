using System.Net;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary>Resolves a host name to its addresses; the system's DNS (<see cref="DnsHostAddressResolver"/>) unless a test replaces it.</summary>
public interface IHostAddressResolver
{
    /// <summary>The addresses <paramref name="host"/> resolves to; throws <see cref="System.Net.Sockets.SocketException"/> when it does not.</summary>
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system's resolver.</summary>
public sealed class DnsHostAddressResolver : IHostAddressResolver
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken);
}
