namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>
/// How Platina's words translate to the hub's. Every table has defaults for the contract as published; a setting adds to
/// or overrides an entry (keys compare case-insensitively). Values may be written as the schema names them
/// (<c>Stängt</c>, <c>partially-approved</c>) or as the model's enum names (<c>Closed</c>, <c>PartiallyApproved</c>).
/// </summary>
public sealed class PlatinaMappingOptions
{
    /// <summary>Platina case type (ärendetyp) → hub case type key, e.g. "Medborgarförslag" → "medborgarforslag".</summary>
    public Dictionary<string, string> CaseTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Platina status → FGS StatusArande (Öppet, Vilande, Stängt, Makulerat, Ad Acta).</summary>
    public Dictionary<string, string> Statuses { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Öppet"] = "Öppet",
        ["Pågående"] = "Öppet",
        ["Under handläggning"] = "Öppet",
        ["Till nämnd"] = "Öppet",
        ["Beslutat"] = "Öppet",
        ["Vilande"] = "Vilande",
        ["Avslutat"] = "Stängt",
        ["Stängt"] = "Stängt",
        ["Makulerat"] = "Makulerat",
        ["Ad acta"] = "Ad Acta",
    };

    /// <summary>Platina event type → canonical event type; an empty value ignores that Platina event type.</summary>
    public Dictionary<string, string> EventTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["registered"] = "se.sambruk.case.opened",
        ["document-added"] = "se.sambruk.case.document-registered",
        ["decided"] = "se.sambruk.case.decided",
        ["closed"] = "se.sambruk.case.closed",
        ["status-changed"] = "se.sambruk.case.status-changed",
    };

    /// <summary>Decision outcome text (beslutsutfall) → canonical outcome; text not listed maps to "other".</summary>
    public Dictionary<string, string> DecisionOutcomes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Bifall"] = "approved",
        ["Bifallen"] = "approved",
        ["Beviljas"] = "approved",
        ["Delvis bifall"] = "partially-approved",
        ["Avslag"] = "rejected",
        ["Avslås"] = "rejected",
        ["Avvisning"] = "dismissed",
        ["Avvisas"] = "dismissed",
        ["Avskrivning"] = "written-off",
        ["Avskrivs"] = "written-off",
        ["Besvarad"] = "other",
    };

    /// <summary>Where each field sits in the partner's JSON (JSON pointers), when it differs from the contract.</summary>
    public PlatinaFieldMap Fields { get; set; } = new();
}
