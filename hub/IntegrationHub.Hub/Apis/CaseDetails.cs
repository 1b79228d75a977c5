using IntegrationHub.Hub.Apis.Diary;
using IntegrationHub.Hub.Cases;
using IntegrationHub.Store;
using IntegrationHub.Store.Cases;

namespace IntegrationHub.Hub.Apis;

/// <summary>One case with everything the hub knows about it across systems.</summary>
/// <param name="Case">The case record.</param>
/// <param name="SourceIds">Its ids in each source system.</param>
/// <param name="Relations">Cases it forwarded, referred or assigned to, and cases that did so to it.</param>
/// <param name="SubCases">Cases whose huvudärendenummer is this case.</param>
/// <param name="State">Remisser, uppdrag, vidarebefordringar and pauses as its events tell them.</param>
/// <param name="Registrations">Its diary registrations (public view).</param>
public sealed record CaseDetails(
    CaseRecord Case,
    IReadOnlyList<CaseSourceId> SourceIds,
    IReadOnlyList<CaseRelation> Relations,
    IReadOnlyList<Guid> SubCases,
    CaseState State,
    IReadOnlyList<DiaryEntry> Registrations);
