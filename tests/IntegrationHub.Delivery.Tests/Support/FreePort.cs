using System.Net;
using System.Net.Sockets;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>A loopback port nothing listens on, for a receiver that cannot be reached (connection refused).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
