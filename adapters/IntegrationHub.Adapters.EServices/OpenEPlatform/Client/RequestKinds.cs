namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>Marks requests whose repetition would be visible to the citizen.</summary>
internal static class RequestKinds
{
    /// <summary>
    /// Set on addMessage: the platform has no idempotency key for messages, so a call that may have arrived (a timeout,
    /// a 502/504 from a proxy) is not repeated in-process; only answers that say nothing was done (503, 429, refused
    /// connections) are.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> NotIdempotent = new("IntegrationHub.OpenEPlatform.NotIdempotent");
}
