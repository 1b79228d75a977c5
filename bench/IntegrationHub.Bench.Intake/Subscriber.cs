namespace IntegrationHub.Bench.Intake;

/// <summary>One webhook subscription of the fan-out scenario: its receiver path <c>/hook/{Hook}</c> and the hub's id.</summary>
internal sealed record Subscriber(int Hook, Guid Id);
