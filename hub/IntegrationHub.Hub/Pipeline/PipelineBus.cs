namespace IntegrationHub.Hub.Pipeline;

/// <summary>
/// The hub's first Rebus bus, whose queue holds the pipeline's messages. Code that may run inside another bus's
/// handler (an adapter sink submitting events from a delivery) asks the registry for it by key: Rebus resolves a plain
/// <c>IBus</c> there to the bus of the message being handled, which would put pipeline messages on the delivery queue.
/// </summary>
public static class PipelineBus
{
    /// <summary>The bus's key in Rebus's bus registry.</summary>
    public const string Key = "ihub-pipeline";
}
