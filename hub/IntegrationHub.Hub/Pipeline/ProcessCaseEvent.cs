namespace IntegrationHub.Hub.Pipeline;

/// <summary>Bus message: the event at <paramref name="Sequence"/> was durably accepted and awaits the pipeline.</summary>
public sealed record ProcessCaseEvent(long Sequence);
