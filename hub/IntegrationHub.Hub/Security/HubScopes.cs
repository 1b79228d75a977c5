namespace IntegrationHub.Hub.Security;

/// <summary>
/// What a caller may do. A system's API key carries scopes directly; a person's token gets them
/// from the roles configured under <c>Hub:Security:Oidc:Roles</c>. <see cref="Admin"/> implies every
/// other scope (within the caller's municipality).
/// </summary>
public static class HubScopes
{
    /// <summary>Submit case events (<c>POST /api/v1/events</c>), only as the key's own source systems.</summary>
    public const string EventsWrite = "events:write";

    /// <summary>Read the event feed and subscriptions' feeds and streams.</summary>
    public const string FeedRead = "feed:read";

    /// <summary>Create, change and follow the municipality's subscriptions and their deliveries.</summary>
    public const string SubscriptionsManage = "subscriptions:manage";

    /// <summary>Dina Sidor: read cases, their events and any person's timeline in the municipality (every read audited).</summary>
    public const string CasesRead = "cases:read";

    /// <summary>Mina Sidor: read the timeline of the person a verified citizen token names, or of a child they are guardian of.</summary>
    public const string TimelineRead = "timeline:read";

    /// <summary>The public diary (offentlig diarieförteckning), restricted registrations masked.</summary>
    public const string DiaryRead = "diary:read";

    /// <summary>The registrator: inbox, corrections, annulments, sekretessmarkering, links, documents, FGS export.</summary>
    public const string Registrator = "registrator";

    /// <summary>Case statistics.</summary>
    public const string StatisticsRead = "statistics:read";

    /// <summary>Administrator: keys, audit log, adapters, dead letters, notification preferences; implies every other scope.</summary>
    public const string Admin = "admin";

    /// <summary>Every scope, in the order they are documented.</summary>
    public static IReadOnlyList<string> All { get; } =
        [EventsWrite, FeedRead, SubscriptionsManage, CasesRead, TimelineRead, DiaryRead, Registrator, StatisticsRead, Admin];

    /// <summary>True for a scope name the hub knows.</summary>
    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
