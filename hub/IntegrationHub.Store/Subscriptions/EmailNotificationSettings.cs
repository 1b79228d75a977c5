namespace IntegrationHub.Store.Subscriptions;

/// <summary>Citizen notification e-mail: the only variable content is the municipality's name and this login link.</summary>
public sealed record EmailNotificationSettings
{
    /// <summary>Where the citizen logs in to read what happened (Mina Sidor).</summary>
    public required Uri LoginUrl { get; init; }
}
