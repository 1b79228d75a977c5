namespace IntegrationHub.Hub.Municipalities;

/// <summary>Configuration section <c>Hub:Municipalities</c>, keyed by kommunkod.</summary>
public sealed class MunicipalitiesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Municipalities";

    /// <summary>The municipalities, by four-digit kommunkod.</summary>
    public Dictionary<string, MunicipalityOptions> Municipalities { get; set; } = [];
}
