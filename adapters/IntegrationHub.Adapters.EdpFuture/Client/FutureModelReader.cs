using System.Xml.Linq;
using IntegrationHub.Adapters.EdpFuture.Model;
using static IntegrationHub.Adapters.EdpFuture.Client.DataContractReader;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Reads Future's DataContract types (Future.Remoting.Web.Model) into the adapter's records.</summary>
internal static class FutureModelReader
{
    private static readonly XNamespace M = FutureNamespaces.Model;

    public static Errand Errand(XElement e, TimeZoneInfo zone)
    {
        var activities = Items(e, M, "_Activities")
            .Select(a => new ErrandActivity(DateTime(a, M, "_ActivityDate", zone), DateTime(a, M, "_CarryOutBeforeDate", zone), String(a, M, "_Text")))
            .ToList();
        return new Errand
        {
            Id = Int(e, M, "_Id") ?? throw new FormatException("An errand has no _Id."),
            ApplicationId = Int(e, M, "_ApplicationId") ?? 0,
            BuildingId = String(e, M, "_BuildingId"),
            ServiceId = Int(e, M, "_ServiceId"),
            Type = String(e, M, "_Type"),
            Status = String(e, M, "_Status"),
            Description = String(e, M, "_Description"),
            Regarding = String(e, M, "_Regarding"),
            // _ReceivedAt is not nillable, but WCF sends DateTime.MinValue for "unknown": fall back to the first activity.
            ReceivedAt = DateTime(e, M, "_ReceivedAt", zone) ?? activities.Min(a => a.ActivityDate) ?? DateTimeOffset.UnixEpoch,
            Activities = activities,
        };
    }

    public static AuthorizedUser AuthorizedUser(XElement e) => new()
    {
        CustomerId = Int(e, M, "_CustomerId") ?? throw new FormatException("An authorized user has no _CustomerId."),
        FirstName = String(e, M, "_FirstName"),
        LastName = String(e, M, "_LastName"),
        Email = String(e, M, "_Email"),
        MobilePhone = String(e, M, "_MobilePhone"),
        Role = Role(Member(e, M, "_Role")),
        TenantId = Int(e, M, "_TenantId"),
        NotifyByEmail = Bool(e, M, "_NotifyByEmail") ?? false,
        NotifyBySms = Bool(e, M, "_NotifyBySms") ?? false,
        ApprovedBuildings = [.. Items(e, M, "_ApprovedBuildings").Select(b => b.Value)],
        ApprovedEServices = [.. Items(e, M, "_ApprovedEservices").Select(s => s.Value)],
    };

    public static FutureCustomer Customer(XElement e) => new()
    {
        Id = Int(e, M, "_ID") ?? throw new FormatException("A customer has no _ID."),
        Name = String(e, M, "_name"),
        IdentityNumber = String(e, M, "_identityNumber"),
        Email = String(e, M, "_email"),
        Phone = String(e, M, "_phone"),
        Mobile = String(e, M, "_mobile"),
        EmailOk = Bool(e, M, "_epostOk") ?? false,
        SmsOk = Bool(e, M, "_SMSOK") ?? false,
    };

    // The WSDL declares UserRole {_AuthorizationRole, _Name}, but services answer with the role name as text.
    private static string? Role(XElement? role) =>
        role is null ? null
        : role.HasElements ? String(role, M, "_Name") ?? String(role, M, "_AuthorizationRole")
        : role.Value;
}
