using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Store.Notifications;

/// <summary>Whether a citizen wants notification e-mail (händelsenotifiering) from a municipality's hub.</summary>
public interface INotificationPreferences
{
    /// <summary>True when the person opted out.</summary>
    Task<bool> IsOptedOutAsync(string municipality, PartyIdentity person, CancellationToken cancellationToken);

    /// <summary>Records an opt-out (or takes it back); repeating it changes nothing.</summary>
    Task SetOptedOutAsync(string municipality, PartyIdentity person, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken);
}
