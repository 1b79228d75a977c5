using IntegrationHub.Hub.Apis;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub;

/// <summary>Maps every API of the hub.</summary>
public static class HubEndpointRouteBuilderExtensions
{
    /// <summary>Maps the events, cases, links, people, diary, registrator inbox, contents, statistics, dead-letter, subscription and health endpoints.</summary>
    public static IEndpointRouteBuilder MapIntegrationHubApis(this IEndpointRouteBuilder routes) =>
        routes.MapEventsApi().MapCasesApi().MapCaseLinksApi().MapPeopleApi().MapNotificationPreferencesApi().MapDiaryApi().MapRegistratorInboxApi().MapStatisticsApi().MapDeadLettersApi().MapSubscriptionsApi().MapHealthApi();
}
