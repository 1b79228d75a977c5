using IntegrationHub.Hub.Statistics;
using IntegrationHub.Store;

namespace IntegrationHub.Hub.Deadlines;

/// <summary>
/// Reads the event log and groups it by case, with each case's collaboration answers. It scans the
/// whole log (of one municipality, or all): fine for the embedded hub's volumes; an incremental
/// index is the next step when a hub holds millions of events.
/// </summary>
public sealed class CaseHistoryReader(IHubStore store)
{
    /// <summary>Every correlated case with its events.</summary>
    public async Task<IReadOnlyList<CaseHistory>> ReadAsync(string? municipality, CancellationToken cancellationToken)
    {
        var events = (await MunicipalityEventLog.ReadAllAsync(store, municipality, cancellationToken)).Where(e => e.CaseId is not null).ToList();
        var byCollaboration = events
            .Where(e => e.Event.Data.Collaboration is not null)
            .ToLookup(e => (e.Event.Municipality, e.Event.Data.Collaboration!.CollaborationId));
        return [.. events.GroupBy(e => e.CaseId!.Value).Select(g =>
        {
            var own = g.ToList();
            var municipalityOfCase = own[0].Event.Municipality;
            var answers = own
                .Select(e => e.Event.Data.Collaboration?.CollaborationId).OfType<string>().Distinct(StringComparer.Ordinal)
                .SelectMany(id => byCollaboration[(municipalityOfCase, id)])
                .Where(e => e.CaseId != g.Key)
                .ToList();
            return new CaseHistory(g.Key, municipalityOfCase, own, answers);
        })];
    }
}
