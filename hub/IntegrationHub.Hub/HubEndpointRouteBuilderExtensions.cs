using IntegrationHub.Hub.Apis;
using Microsoft.AspNetCore.Routing;

namespace IntegrationHub.Hub;

/// <summary>Maps every API of the hub.</summary>
public static class HubEndpointRouteBuilderExtensions
{
    /// <summary>Maps the events, cases, people and health endpoints.</summary>
    public static IEndpointRouteBuilder MapIntegrationHubApis(this IEndpointRouteBuilder routes) =>
        routes.MapEventsApi().MapCasesApi().MapPeopleApi().MapHealthApi();
}
