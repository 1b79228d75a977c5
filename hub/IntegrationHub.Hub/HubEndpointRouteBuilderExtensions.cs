using IntegrationHub.Hub.Apis;
using IntegrationHub.Hub.Pages;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub;

/// <summary>Maps every API of the hub.</summary>
public static class HubEndpointRouteBuilderExtensions
{
    /// <summary>Maps the events, cases, links, people, diary, registrator inbox, contents, statistics, dead-letter, subscription, key, audit and health endpoints, and the registrator's inbox page.</summary>
    public static IEndpointRouteBuilder MapIntegrationHubApis(this IEndpointRouteBuilder routes) =>
        routes.MapEventsApi().MapCasesApi().MapCaseLinksApi().MapPeopleApi().MapNotificationPreferencesApi().MapDiaryApi().MapRegistratorInboxApi().MapStatisticsApi().MapDeadLettersApi().MapSubscriptionsApi().MapHealthApi().MapKeysApi().MapAuditApi().MapRegistratorPages();
}
