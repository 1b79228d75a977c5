using IntegrationHub.Canonical.Model;
using IntegrationHub.Store;
using IntegrationHub.Store.Notifications;

namespace IntegrationHub.Delivery.Email;

/// <summary>
/// Who is told that something happened in a case: the parties who act in it (applicant, co-applicant, representative,
/// guardian, complainant) with an identity and the e-mail address the case last registered for them. People with
/// protected identity (skyddade personuppgifter), marked so in any event of the case and any role, and people who
/// opted out are never written to.
/// </summary>
public sealed class NotificationRecipients(IHubStore store, INotificationPreferences preferences)
{
    private static readonly HashSet<PartyRole> ActingRoles =
        [PartyRole.Applicant, PartyRole.CoApplicant, PartyRole.Representative, PartyRole.Guardian, PartyRole.Complainant];

    /// <summary>The addresses to notify for an event of the case, one per person.</summary>
    public async Task<IReadOnlyList<string>> ForCaseAsync(string municipality, Guid caseId, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<PartyIdentity, Party>();
        var protectedPeople = new HashSet<PartyIdentity>();
        foreach (var stored in await store.GetCaseTimelineAsync(caseId, cancellationToken))
        {
            foreach (var party in stored.Event.Data.Parties ?? [])
            {
                // Protection belongs to the person, whatever role an event names them in (e.g. also as property owner).
                if (party.Identity is { } marked && party.ProtectedIdentity == true)
                {
                    protectedPeople.Add(marked);
                }

                if (party.Identity is { } identity && ActingRoles.Contains(party.Role))
                {
                    latest[identity] = latest.TryGetValue(identity, out var earlier) ? party with { Email = party.Email ?? earlier.Email } : party;
                }
            }
        }

        var addresses = new List<string>();
        foreach (var (identity, party) in latest)
        {
            if (party.Email is { Length: > 0 } email
                && !protectedPeople.Contains(identity)
                && !await preferences.IsOptedOutAsync(municipality, identity, cancellationToken)
                && !addresses.Contains(email, StringComparer.OrdinalIgnoreCase))
            {
                addresses.Add(email);
            }
        }

        return addresses;
    }
}
