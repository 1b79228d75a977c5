using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>Which deadline (tidsfrist) passed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    /// <summary>A remiss's answer date (svarsdatum).</summary>
    [JsonStringEnumMemberName("remiss")] Remiss,
    /// <summary>An assignment's completion date.</summary>
    [JsonStringEnumMemberName("uppdrag")] Uppdrag,
    /// <summary>A forwarded case's expected klarmarkering.</summary>
    [JsonStringEnumMemberName("klarmarkering")] Klarmarkering,
    /// <summary>The case type's service promise (servicelöfte) of a decision.</summary>
    [JsonStringEnumMemberName("servicelöfte")] ServicePromise,
}
