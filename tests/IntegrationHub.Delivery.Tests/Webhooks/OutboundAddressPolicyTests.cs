using System.Net;
using System.Net.Sockets;
using IntegrationHub.Delivery.Tests.Support;
using IntegrationHub.Delivery.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Delivery.Tests.Webhooks;

/// <summary>Which addresses a webhook may go to, and how the administrator's allow-list is read and checked.</summary>
public sealed class OutboundAddressPolicyTests
{
    [Theory]
    // Loopback.
    [InlineData("127.0.0.1", AddressScope.Loopback)]
    [InlineData("127.255.255.254", AddressScope.Loopback)]
    [InlineData("::1", AddressScope.Loopback)]
    [InlineData("::ffff:127.0.0.1", AddressScope.Loopback)]
    // Private networks and their edges.
    [InlineData("10.0.0.0", AddressScope.Private)]
    [InlineData("10.0.0.5", AddressScope.Private)]
    [InlineData("10.255.255.255", AddressScope.Private)]
    [InlineData("172.16.0.0", AddressScope.Private)]
    [InlineData("172.31.255.255", AddressScope.Private)]
    [InlineData("192.168.0.1", AddressScope.Private)]
    [InlineData("192.168.255.255", AddressScope.Private)]
    [InlineData("::ffff:10.1.2.3", AddressScope.Private)]
    [InlineData("::ffff:192.168.1.1", AddressScope.Private)]
    [InlineData("fc00::1", AddressScope.Private)]
    [InlineData("fd12:3456:789a::1", AddressScope.Private)]
    [InlineData("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", AddressScope.Private)]
    [InlineData("fec0::1", AddressScope.Private)]
    [InlineData("64:ff9b:1::a00:1", AddressScope.Private)]
    // Link-local, with the cloud metadata service.
    [InlineData("169.254.169.254", AddressScope.LinkLocal)]
    [InlineData("169.254.0.0", AddressScope.LinkLocal)]
    [InlineData("169.254.255.255", AddressScope.LinkLocal)]
    [InlineData("::ffff:169.254.169.254", AddressScope.LinkLocal)]
    [InlineData("fe80::1", AddressScope.LinkLocal)]
    [InlineData("fe80::1%2", AddressScope.LinkLocal)]
    [InlineData("febf:ffff::1", AddressScope.LinkLocal)]
    // Unspecified.
    [InlineData("0.0.0.0", AddressScope.Unspecified)]
    [InlineData("0.1.2.3", AddressScope.Unspecified)]
    [InlineData("::", AddressScope.Unspecified)]
    [InlineData("::ffff:0.0.0.0", AddressScope.Unspecified)]
    // Carrier-grade NAT.
    [InlineData("100.64.0.0", AddressScope.SharedAddressSpace)]
    [InlineData("100.127.255.255", AddressScope.SharedAddressSpace)]
    // Multicast, broadcast, reserved, documentation.
    [InlineData("224.0.0.1", AddressScope.Multicast)]
    [InlineData("239.255.255.255", AddressScope.Multicast)]
    [InlineData("ff02::1", AddressScope.Multicast)]
    [InlineData("ff0e::1", AddressScope.Multicast)]
    [InlineData("255.255.255.255", AddressScope.Broadcast)]
    [InlineData("::ffff:255.255.255.255", AddressScope.Broadcast)]
    [InlineData("240.0.0.1", AddressScope.Reserved)]
    [InlineData("255.255.255.254", AddressScope.Reserved)]
    [InlineData("192.0.0.8", AddressScope.Reserved)]
    [InlineData("198.18.0.1", AddressScope.Reserved)]
    [InlineData("198.19.255.255", AddressScope.Reserved)]
    [InlineData("::7f00:1", AddressScope.Reserved)]
    [InlineData("100::1", AddressScope.Reserved)]
    [InlineData("192.0.2.10", AddressScope.Documentation)]
    [InlineData("198.51.100.7", AddressScope.Documentation)]
    [InlineData("203.0.113.200", AddressScope.Documentation)]
    [InlineData("2001:db8::1", AddressScope.Documentation)]
    // IPv4 inside NAT64 and 6to4 counts as that IPv4 address.
    [InlineData("64:ff9b::7f00:1", AddressScope.Loopback)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressScope.LinkLocal)]
    [InlineData("2002:0a00:0001::1", AddressScope.Private)]
    [InlineData("2002:7f00:0001::1", AddressScope.Loopback)]
    // Public, including the neighbours of the blocked ranges.
    [InlineData("8.8.8.8", AddressScope.Public)]
    [InlineData("193.44.157.10", AddressScope.Public)]
    [InlineData("9.255.255.255", AddressScope.Public)]
    [InlineData("11.0.0.0", AddressScope.Public)]
    [InlineData("172.15.255.255", AddressScope.Public)]
    [InlineData("172.32.0.0", AddressScope.Public)]
    [InlineData("192.167.255.255", AddressScope.Public)]
    [InlineData("192.169.0.0", AddressScope.Public)]
    [InlineData("100.63.255.255", AddressScope.Public)]
    [InlineData("100.128.0.0", AddressScope.Public)]
    [InlineData("169.253.255.255", AddressScope.Public)]
    [InlineData("169.255.0.0", AddressScope.Public)]
    [InlineData("126.255.255.255", AddressScope.Public)]
    [InlineData("128.0.0.0", AddressScope.Public)]
    [InlineData("1.0.0.0", AddressScope.Public)]
    [InlineData("223.255.255.255", AddressScope.Public)]
    [InlineData("198.17.255.255", AddressScope.Public)]
    [InlineData("198.20.0.0", AddressScope.Public)]
    [InlineData("::ffff:8.8.8.8", AddressScope.Public)]
    [InlineData("2a00:1450:400f:80d::200e", AddressScope.Public)]
    [InlineData("2001:4860:4860::8888", AddressScope.Public)]
    [InlineData("fbff:ffff::1", AddressScope.Public)]
    [InlineData("fe00::1", AddressScope.Public)]
    [InlineData("64:ff9b::808:808", AddressScope.Public)]
    [InlineData("2002:0808:0808::1", AddressScope.Public)]
    public void Classify_SaysWhatKindOfAddressItIs(string address, AddressScope expected) =>
        Assert.Equal(expected, OutboundAddressPolicy.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.0/8", "127.0.0.0/8")]
    [InlineData(" 10.20.0.0/16 ", "10.20.0.0/16")]
    [InlineData("10.20.30.40", "10.20.30.40/32")]
    [InlineData("10.20.30.40/32", "10.20.30.40/32")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("fd00::/8", "fd00::/8")]
    [InlineData("::1", "::1/128")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1/32")]
    [InlineData("::ffff:10.0.0.0/104", "10.0.0.0/8")]
    public void TryParseNetwork_ReadsCidrAndSingleAddresses(string value, string expected)
    {
        Assert.True(OutboundAddressPolicy.TryParseNetwork(value, out var network));
        Assert.Equal(expected, network.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.20.1.0/16")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("fd00::/129")]
    [InlineData("intranet.kommun.se")]
    [InlineData("10.0.0.0-10.0.0.255")]
    [InlineData("fe80::1%eth0")]
    [InlineData("010.0.0.0/8")]
    [InlineData("0x0a.0.0.0/8")]
    [InlineData("10.1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("::ffff:10.0.0.0/8")]
    public void TryParseNetwork_RefusesWhatIsNoNetwork(string value) =>
        Assert.False(OutboundAddressPolicy.TryParseNetwork(value, out _));

    [Fact]
    public void Validator_NamesEachBadEntryWithItsIndexAndValue()
    {
        var options = new WebhookOptions();
        options.AllowedNetworks.Add("10.0.0.0/8");
        options.AllowedNetworks.Add("10.0.0.0/33");
        options.AllowedHosts.Add("minasidor.intern.sundsvall.se");
        options.AllowedHosts.Add("*.intern.sundsvall.se");
        options.AllowedHosts.Add("inte ett namn");
        options.AllowedHosts.Add("10.1.2.3");

        var failures = new WebhookOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

        Assert.Equal(3, failures.Count);
        Assert.StartsWith("Hub:Delivery:Webhooks:AllowedNetworks:1 is '10.0.0.0/33', which is not a network in CIDR notation", failures[0], StringComparison.Ordinal);
        Assert.StartsWith("Hub:Delivery:Webhooks:AllowedHosts:2 is 'inte ett namn', which is not a host name", failures[1], StringComparison.Ordinal);
        Assert.Equal("Hub:Delivery:Webhooks:AllowedHosts:3 is '10.1.2.3', an address: list addresses and networks under Hub:Delivery:Webhooks:AllowedNetworks.", failures[2]);
    }

    [Fact]
    public async Task AddDeliveryChannels_MalformedCidrInConfiguration_StopsWithTheSettingAndTheValue()
    {
        await using var services = new DeliveryServices(new Dictionary<string, string?>
        {
            ["Hub:Delivery:Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Hub:Delivery:Webhooks:AllowedNetworks:1"] = "192.168.1/24",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<OutboundAddressPolicy>());

        Assert.Contains("Hub:Delivery:Webhooks:AllowedNetworks:1 is '192.168.1/24'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1 is a loopback address")]
    [InlineData("[::1]", "::1 is a loopback address")]
    [InlineData("::ffff:127.0.0.1", "::ffff:127.0.0.1 is a loopback address")]
    [InlineData("10.0.0.5", "10.0.0.5 is a private network address")]
    [InlineData("169.254.169.254", "169.254.169.254 is a link-local address")]
    [InlineData("localhost", "localhost names the hub's own machine")]
    [InlineData("LOCALHOST.", "LOCALHOST. names the hub's own machine")]
    [InlineData("hub.localhost", "hub.localhost names the hub's own machine")]
    [InlineData("intranet.test", "intranet.test resolves to a private network address")]
    [InlineData("halfway.test", "halfway.test resolves to a loopback address")]
    public async Task CheckAsync_WithoutAllowList_RefusesNonPublicTargets(string host, string reason)
    {
        var check = await Policy().CheckAsync(host, CancellationToken.None);

        Assert.False(check.IsAllowed);
        Assert.StartsWith(reason, check.Reason, StringComparison.Ordinal);
        Assert.Empty(check.Addresses);
    }

    [Fact]
    public async Task CheckAsync_PublicName_GivesTheAddressesToConnectTo()
    {
        var check = await Policy().CheckAsync("portal.test", CancellationToken.None);

        Assert.True(check.IsAllowed);
        Assert.Equal([IPAddress.Parse("193.44.157.10"), IPAddress.Parse("2a00:1450:400f:80d::200e")], check.Addresses);
    }

    [Fact]
    public async Task CheckAsync_NameThatDoesNotResolve_Throws() =>
        await Assert.ThrowsAsync<SocketException>(() => Policy().CheckAsync("nowhere.test", CancellationToken.None));

    [Theory]
    [InlineData("10.20.30.40", true)]
    [InlineData("10.20.255.255", true)]
    [InlineData("10.21.0.1", false)]
    [InlineData("::ffff:10.20.0.1", true)]
    [InlineData("fd00:1234::9", true)]
    [InlineData("fd00:1235::9", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("intranet.test", true)]
    [InlineData("halfway.test", false)]
    public async Task CheckAsync_AllowedNetworks_LetThoseAddressesThrough(string host, bool allowed)
    {
        var policy = Policy(networks: ["10.20.0.0/16", "fd00:1234::/32", "193.44.157.10"]);

        Assert.Equal(allowed, (await policy.CheckAsync(host, CancellationToken.None)).IsAllowed);
    }

    [Theory]
    [InlineData("minasidor.intern.sundsvall.se", true)]
    [InlineData("MinaSidor.Intern.Sundsvall.SE.", true)]
    [InlineData("a.b.intern.test", true)]
    [InlineData("intern.test", false)]
    [InlineData("xintern.test", false)]
    [InlineData("localhost", true)]
    [InlineData("other.localhost", false)]
    [InlineData("intranet.test", false)]
    public async Task CheckAsync_AllowedHosts_PassWhateverTheyResolveTo(string host, bool allowed)
    {
        var policy = Policy(hosts: ["minasidor.intern.sundsvall.se", "*.intern.test", "localhost"]);

        Assert.Equal(allowed, (await policy.CheckAsync(host, CancellationToken.None)).IsAllowed);
    }

    private static OutboundAddressPolicy Policy(string[]? networks = null, string[]? hosts = null)
    {
        var options = new WebhookOptions();
        foreach (var network in networks ?? [])
        {
            options.AllowedNetworks.Add(network);
        }

        foreach (var host in hosts ?? [])
        {
            options.AllowedHosts.Add(host);
        }

        var resolver = new StubResolver()
            .Set("portal.test", "193.44.157.10", "2a00:1450:400f:80d::200e")
            .Set("intranet.test", "10.20.30.40")
            .Set("halfway.test", "193.44.157.10", "127.0.0.1")
            .Set("localhost", "127.0.0.1")
            .Set("minasidor.intern.sundsvall.se", "10.20.0.7")
            .Set("a.b.intern.test", "192.168.1.1")
            .Set("intern.test", "192.168.1.2")
            .Set("xintern.test", "192.168.1.3")
            .Set("other.localhost", "127.0.0.1");
        return new OutboundAddressPolicy(Options.Create(options), resolver);
    }
}
