namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>One entry of getinstances: the flow instance id and when it was (first) submitted.</summary>
internal sealed record InstanceSummary(int Id, DateTimeOffset Submitted);
