namespace IntegrationHub.Hub.Apis.Subscriptions;

/// <summary>
/// Where a subscription's events are pushed: <c>kind</c> is <c>feed</c> (default: pull only), <c>webhook</c>,
/// <c>rabbitMq</c> or <c>email</c>, with the settings object of that kind.
/// </summary>
public sealed record ChannelRequest(string? Kind, bool? OrderPerCase, WebhookRequest? Webhook, RabbitMqRequest? RabbitMq, EmailRequest? Email);

/// <summary>A webhook: the endpoint, <c>structured</c> (default) or <c>binary</c> CloudEvents mode, and the timeout (1–60 s, default 10).</summary>
public sealed record WebhookRequest(string? Url, string? Mode, int? TimeoutSeconds);

/// <summary>A RabbitMQ topic exchange on a configured broker (default <c>default</c>).</summary>
public sealed record RabbitMqRequest(string? Broker, string? Exchange);

/// <summary>Citizen notification e-mail: the link where citizens log in (Mina Sidor).</summary>
public sealed record EmailRequest(string? LoginUrl);
