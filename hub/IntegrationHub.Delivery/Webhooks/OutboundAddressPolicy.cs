using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Delivery.Webhooks;

/// <summary>
/// Where the hub may send a caller-supplied webhook: only to public addresses, unless an administrator allow-listed the
/// target (<c>Hub:Delivery:Webhooks:AllowedNetworks</c>, <c>…:AllowedHosts</c>). Without it, whoever may create a
/// subscription could make the hub post to itself, to the municipality's internal systems or to the cloud metadata
/// service (server-side request forgery). Checked when a subscription is created or changed, and again at every
/// connection (<see cref="ConnectAsync"/>), because a name may resolve elsewhere by then (DNS rebinding).
/// </summary>
public sealed class OutboundAddressPolicy
{
    /// <summary>The settings that allow-list a target, for messages.</summary>
    public const string AllowListSettings = WebhookOptions.Section + ":AllowedNetworks (CIDR ranges) or " + WebhookOptions.Section + ":AllowedHosts (host names)";

    // Most specific first: the first range that contains an address decides its scope.
    private static readonly (IPNetwork Network, AddressScope Scope)[] NonPublic =
    [
        (IPNetwork.Parse("0.0.0.0/8"), AddressScope.Unspecified),
        (IPNetwork.Parse("10.0.0.0/8"), AddressScope.Private),
        (IPNetwork.Parse("100.64.0.0/10"), AddressScope.SharedAddressSpace),
        (IPNetwork.Parse("127.0.0.0/8"), AddressScope.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), AddressScope.LinkLocal),
        (IPNetwork.Parse("172.16.0.0/12"), AddressScope.Private),
        (IPNetwork.Parse("192.0.0.0/24"), AddressScope.Reserved),
        (IPNetwork.Parse("192.0.2.0/24"), AddressScope.Documentation),
        (IPNetwork.Parse("192.88.99.0/24"), AddressScope.Reserved),
        (IPNetwork.Parse("192.168.0.0/16"), AddressScope.Private),
        (IPNetwork.Parse("198.18.0.0/15"), AddressScope.Reserved),
        (IPNetwork.Parse("198.51.100.0/24"), AddressScope.Documentation),
        (IPNetwork.Parse("203.0.113.0/24"), AddressScope.Documentation),
        (IPNetwork.Parse("224.0.0.0/4"), AddressScope.Multicast),
        (IPNetwork.Parse("255.255.255.255/32"), AddressScope.Broadcast),
        (IPNetwork.Parse("240.0.0.0/4"), AddressScope.Reserved),
        (IPNetwork.Parse("::/128"), AddressScope.Unspecified),
        (IPNetwork.Parse("::1/128"), AddressScope.Loopback),
        (IPNetwork.Parse("::/96"), AddressScope.Reserved),
        (IPNetwork.Parse("64:ff9b:1::/48"), AddressScope.Private),
        (IPNetwork.Parse("100::/64"), AddressScope.Reserved),
        (IPNetwork.Parse("2001:db8::/32"), AddressScope.Documentation),
        (IPNetwork.Parse("fc00::/7"), AddressScope.Private),
        (IPNetwork.Parse("fe80::/10"), AddressScope.LinkLocal),
        (IPNetwork.Parse("fec0::/10"), AddressScope.Private),
        (IPNetwork.Parse("ff00::/8"), AddressScope.Multicast),
    ];

    // IPv6 prefixes that carry an IPv4 address which a gateway may translate to: NAT64 (last 32 bits) and 6to4 (bits 16–47).
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly IHostAddressResolver _resolver;
    private readonly IReadOnlyList<IPNetwork> _allowedNetworks;
    private readonly IReadOnlyList<string> _allowedHosts;

    /// <summary>The policy with the administrator's allow-list (validated at start-up by <see cref="WebhookOptionsValidator"/>).</summary>
    public OutboundAddressPolicy(IOptions<WebhookOptions> options, IHostAddressResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        _resolver = resolver;
        var settings = options.Value;
        _allowedNetworks = [.. settings.AllowedNetworks.Select(n => TryParseNetwork(n, out var network)
            ? network
            : throw new OptionsValidationException(WebhookOptions.Section, typeof(WebhookOptions), [$"{WebhookOptions.Section}:AllowedNetworks holds '{n}', which is not a network in CIDR notation."]))];
        _allowedHosts = [.. settings.AllowedHosts.Select(h => NormalizeHost(h))];
    }

    /// <summary>What kind of address <paramref name="address"/> is; IPv4 addresses written as IPv6 (<c>::ffff:127.0.0.1</c>) count as the IPv4 address.</summary>
    public static AddressScope Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Canonical(address);
        foreach (var (network, scope) in NonPublic)
        {
            if (network.Contains(address))
            {
                return scope;
            }
        }

        if (Nat64.Contains(address) || SixToFour.Contains(address))
        {
            var bytes = address.GetAddressBytes();
            var embedded = new IPAddress(Nat64.Contains(address) ? bytes.AsSpan(12, 4) : bytes.AsSpan(2, 4));
            return Classify(embedded);
        }

        return AddressScope.Public;
    }

    /// <summary>
    /// Reads a network in CIDR notation (<c>10.20.0.0/16</c>, <c>fd00::/8</c>) or a single address (as /32 or /128).
    /// False for anything else, including a prefix longer than the address and bits set after the prefix (<c>10.20.1.0/16</c>).
    /// </summary>
    public static bool TryParseNetwork(string? value, out IPNetwork network)
    {
        network = default;
        var text = value?.Trim() ?? string.Empty;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!TryParseStrict(slash < 0 ? text : text[..slash], out var address, out var mapped))
        {
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = bits;
        if (slash >= 0)
        {
            // ::ffff:10.0.0.0/104 is 10.0.0.0/8.
            if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefix)
                || (mapped && (prefix -= 96) < 0) || prefix > bits)
            {
                return false;
            }
        }

        // IPNetwork clears bits after the prefix; such bits are a typo (10.20.1.0/16), not a network.
        var parsed = new IPNetwork(address, prefix);
        if (!parsed.BaseAddress.Equals(address))
        {
            return false;
        }

        network = parsed;
        return true;
    }

    // Only the usual forms: IPv4 as four decimal parts (not 10.1, 0x0a.0.0.1 or the octal 010.0.0.1, which mean other
    // addresses than they seem to), IPv6 without a zone; an IPv4-mapped IPv6 address as its IPv4 address.
    private static bool TryParseStrict(string text, out IPAddress address, out bool mapped)
    {
        mapped = false;
        if (!IPAddress.TryParse(text, out address!))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return address.ToString() == text;
        }

        if (address.ScopeId != 0)
        {
            return false;
        }

        mapped = address.IsIPv4MappedToIPv6;
        address = Canonical(address);
        return true;
    }

    /// <summary>Whether <paramref name="value"/> can stand in <c>AllowedHosts</c>: a DNS name, optionally <c>*.</c> and a domain.</summary>
    public static bool IsValidHostPattern(string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        name = name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name;
        try
        {
            name = new IdnMapping().GetAscii(name.TrimEnd('.'));
        }
        catch (ArgumentException)
        {
            return false;
        }

        return !IPAddress.TryParse(name, out _) && Uri.CheckHostName(name) == UriHostNameType.Dns;
    }

    /// <summary>Whether webhooks may go to <paramref name="address"/>: it is public, or in an allowed network.</summary>
    public bool IsAllowed(IPAddress address) =>
        Classify(address) == AddressScope.Public || _allowedNetworks.Any(n => n.Contains(Canonical(address)));

    /// <summary>Whether the administrator allowed the host name <paramref name="host"/> whatever it resolves to.</summary>
    public bool IsAllowedHost(string host)
    {
        var name = NormalizeHost(host);
        return _allowedHosts.Any(allowed => allowed.StartsWith("*.", StringComparison.Ordinal)
            ? name.EndsWith(allowed[1..], StringComparison.Ordinal)
            : name == allowed);
    }

    /// <summary>
    /// Checks a target host (a name or an address literal, as in a URL): an allow-listed name passes with the addresses
    /// it resolves to; <c>localhost</c> and <c>*.localhost</c> are refused by name; an address, or every address a name
    /// resolves to, must be allowed (<see cref="IsAllowed"/>). Throws <see cref="SocketException"/> when the name does
    /// not resolve.
    /// </summary>
    public async Task<OutboundAddressCheck> CheckAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = NormalizeHost(host);
        if (IPAddress.TryParse(name, out var literal))
        {
            return IsAllowed(literal)
                ? OutboundAddressCheck.Allowed([Canonical(literal)])
                : OutboundAddressCheck.Refused($"{literal} is {Describe(Classify(literal))}", Classify(literal));
        }

        var allowedByName = IsAllowedHost(name);
        if (!allowedByName && (name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal)))
        {
            return OutboundAddressCheck.Refused($"{host} names the hub's own machine", AddressScope.Loopback);
        }

        var addresses = await _resolver.ResolveAsync(name, cancellationToken);
        if (addresses.Count == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (!allowedByName && addresses.FirstOrDefault(a => !IsAllowed(a)) is { } blocked)
        {
            return OutboundAddressCheck.Refused($"{host} resolves to {Describe(Classify(blocked))}", Classify(blocked));
        }

        return OutboundAddressCheck.Allowed([.. addresses.Select(Canonical)]);
    }

    /// <summary>
    /// The webhook client's <see cref="SocketsHttpHandler.ConnectCallback"/>: checks the host at connection time and
    /// connects to exactly the addresses it checked, so a name cannot resolve to a public address for the check and to
    /// an internal one for the connection. Throws <see cref="OutboundAddressRefusedException"/> for a refused target.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var check = await CheckAsync(endpoint.Host, cancellationToken);
        if (!check.IsAllowed)
        {
            throw new OutboundAddressRefusedException(check.Reason!);
        }

        SocketException? last = null;
        foreach (var address in check.Addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>How a message names a scope: "a loopback address" and so on.</summary>
    public static string Describe(AddressScope scope) => scope switch
    {
        AddressScope.Public => "a public address",
        AddressScope.Loopback => "a loopback address (the hub's own machine)",
        AddressScope.Private => "a private network address",
        AddressScope.LinkLocal => "a link-local address (where, among others, cloud metadata services answer)",
        AddressScope.Unspecified => "the unspecified address",
        AddressScope.SharedAddressSpace => "a carrier-grade NAT address (100.64.0.0/10)",
        AddressScope.Multicast => "a multicast address",
        AddressScope.Broadcast => "the broadcast address",
        AddressScope.Documentation => "an address reserved for documentation",
        _ => "a reserved address",
    };

    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string NormalizeHost(string host)
    {
        var name = host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(name, out _))
        {
            return name;
        }

        var wildcard = name.StartsWith("*.", StringComparison.Ordinal);
        try
        {
            var ascii = new IdnMapping().GetAscii(wildcard ? name[2..] : name);
            return wildcard ? "*." + ascii : ascii;
        }
        catch (ArgumentException)
        {
            return name;
        }
    }
}

/// <summary>How <see cref="OutboundAddressPolicy.CheckAsync"/> judged a target.</summary>
/// <param name="Addresses">The addresses to connect to, when allowed.</param>
/// <param name="Reason">Why the target is refused, for an integrator or administrator; null when allowed.</param>
/// <param name="Scope">The scope of the refused address.</param>
public sealed record OutboundAddressCheck(IReadOnlyList<IPAddress> Addresses, string? Reason, AddressScope Scope)
{
    /// <summary>Whether the hub may connect.</summary>
    public bool IsAllowed => Reason is null;

    /// <summary>An allowed target and its addresses.</summary>
    public static OutboundAddressCheck Allowed(IReadOnlyList<IPAddress> addresses) => new(addresses, null, AddressScope.Public);

    /// <summary>A refused target, with the reason and the scope of the refused address.</summary>
    public static OutboundAddressCheck Refused(string reason, AddressScope scope) => new([], reason, scope);
}
