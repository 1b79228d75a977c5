using IntegrationHub.Adapters.Mailbox;

namespace IntegrationHub.Host.Adapters;

/// <summary>Adapters' health for IT staff.</summary>
internal static class AdapterEndpoints
{
    public static IEndpointRouteBuilder MapAdapterHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/adapters/mailboxes", (MailboxHealth health) => TypedResults.Ok(health.Snapshot()))
            .WithTags("Adapters").WithSummary("Each function mailbox's status in this hub process: connected, last check, last mail, last failure");
        return routes;
    }
}
