namespace IntegrationHub.Delivery.Webhooks;

/// <summary>What kind of address an IP address is, as far as sending a webhook to it goes.</summary>
public enum AddressScope
{
    /// <summary>A public (globally routable) address: webhooks may go there.</summary>
    Public,

    /// <summary>The host itself: 127.0.0.0/8, ::1.</summary>
    Loopback,

    /// <summary>A private network: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7, fec0::/10, 64:ff9b:1::/48.</summary>
    Private,

    /// <summary>Link-local: 169.254.0.0/16 (including the cloud metadata service 169.254.169.254), fe80::/10.</summary>
    LinkLocal,

    /// <summary>"No address": 0.0.0.0/8, ::.</summary>
    Unspecified,

    /// <summary>Carrier-grade NAT's shared address space: 100.64.0.0/10.</summary>
    SharedAddressSpace,

    /// <summary>Multicast: 224.0.0.0/4, ff00::/8.</summary>
    Multicast,

    /// <summary>The limited broadcast address 255.255.255.255.</summary>
    Broadcast,

    /// <summary>Reserved for documentation: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32.</summary>
    Documentation,

    /// <summary>Reserved otherwise: 240.0.0.0/4, 192.0.0.0/24, 198.18.0.0/15, IPv4-compatible ::/96, 100::/64 and the like.</summary>
    Reserved,
}
