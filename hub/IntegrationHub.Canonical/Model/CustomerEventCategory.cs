using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>The citizen-facing category of an event (Mina ärenden kundhändelse).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomerEventCategory>))]
public enum CustomerEventCategory
{
    /// <summary>Mottagningskvittens (receipt).</summary>
    [JsonStringEnumMemberName("Mottagningskvittens")] Receipt,
    /// <summary>Beslut (decision).</summary>
    [JsonStringEnumMemberName("Beslut")] Decision,
    /// <summary>Föreläggande (injunction).</summary>
    [JsonStringEnumMemberName("Föreläggande")] Injunction,
    /// <summary>Kompletteringsbegäran (request for more information).</summary>
    [JsonStringEnumMemberName("Kompletteringsbegäran")] SupplementRequest,
    /// <summary>Upplysning (information).</summary>
    [JsonStringEnumMemberName("Upplysning")] Information,
    /// <summary>Kallelse (summons).</summary>
    [JsonStringEnumMemberName("Kallelse")] Summons,
    /// <summary>Påminnelse (reminder).</summary>
    [JsonStringEnumMemberName("Påminnelse")] Reminder,
    /// <summary>Förfrågan (question).</summary>
    [JsonStringEnumMemberName("Förfrågan")] Question,
    /// <summary>Svar (answer).</summary>
    [JsonStringEnumMemberName("Svar")] Answer,
    /// <summary>Åtgärd krävs (action required).</summary>
    [JsonStringEnumMemberName("Åtgärd krävs")] ActionRequired,
}
