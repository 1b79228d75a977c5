using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Reading;

/// <summary>The closed value lists of FGS, as written in files (compared without regard to case).</summary>
internal static class FgsValues
{
    /// <summary>StatusArande. The published schema writes "Ad Acta." with a full stop; both forms are read.</summary>
    public static IReadOnlyDictionary<string, CaseStatus> CaseStatuses { get; } = new Dictionary<string, CaseStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["Öppet"] = CaseStatus.Open,
        ["Vilande"] = CaseStatus.Dormant,
        ["Stängt"] = CaseStatus.Closed,
        ["Makulerat"] = CaseStatus.Annulled,
        ["Ad Acta"] = CaseStatus.AdActa,
        ["Ad Acta."] = CaseStatus.AdActa,
    };

    /// <summary>StatusHandling.</summary>
    public static IReadOnlyDictionary<string, FgsDocumentStatus> DocumentStatuses { get; } = new Dictionary<string, FgsDocumentStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["Initierad"] = FgsDocumentStatus.Initiated,
        ["Under arbete"] = FgsDocumentStatus.InProgress,
        ["Inkommen"] = FgsDocumentStatus.Received,
        ["Upprättad"] = FgsDocumentStatus.DrawnUp,
        ["Expedierad"] = FgsDocumentStatus.Sent,
    };

    /// <summary>Restriktion/@Typ.</summary>
    public static IReadOnlyDictionary<string, RestrictionType> RestrictionTypes { get; } = new Dictionary<string, RestrictionType>(StringComparer.OrdinalIgnoreCase)
    {
        ["Sekretess"] = RestrictionType.Sekretess,
        ["Integritet"] = RestrictionType.Integritet,
        ["Annan typ"] = RestrictionType.Other,
    };

    /// <summary>ArendeRelation/@Typ.</summary>
    public static IReadOnlyDictionary<string, string> RelationTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Ersätter"] = "Ersätter",
        ["Är ersatt med"] = "Är ersatt med",
        ["Referens"] = "Referens",
        ["Refereras av"] = "Refereras av",
        ["Egen relationsdefinition"] = "Egen relationsdefinition",
    };

    /// <summary>IDnummer/@Typ (1 personnummer/organisationsnummer, 2 samordningsnummer, 3–6 reservnummer).</summary>
    public static IReadOnlyDictionary<string, int> IdNumberTypes { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["1"] = 1,
        ["2"] = 2,
        ["3"] = 3,
        ["4"] = 4,
        ["5"] = 5,
        ["6"] = 6,
    };

    /// <summary>The FGS spelling of a case status (as the published schema enumerates it).</summary>
    public static string Name(CaseStatus status) => status switch
    {
        CaseStatus.Open => "Öppet",
        CaseStatus.Dormant => "Vilande",
        CaseStatus.Closed => "Stängt",
        CaseStatus.Annulled => "Makulerat",
        _ => "Ad Acta.",
    };

    /// <summary>The FGS spelling of a document status.</summary>
    public static string Name(FgsDocumentStatus status) => status switch
    {
        FgsDocumentStatus.Initiated => "Initierad",
        FgsDocumentStatus.InProgress => "Under arbete",
        FgsDocumentStatus.Received => "Inkommen",
        FgsDocumentStatus.DrawnUp => "Upprättad",
        _ => "Expedierad",
    };

    /// <summary>The FGS spelling of a restriction type.</summary>
    public static string Name(RestrictionType type) => type switch
    {
        RestrictionType.Sekretess => "Sekretess",
        RestrictionType.Integritet => "Integritet",
        _ => "Annan typ",
    };
}
