namespace IntegrationHub.Hub.Municipalities;

/// <summary>One diary (diarium) of an authority or series, e.g. <c>Hub:Municipalities:2281:Diaries:KS</c>.</summary>
public sealed class DiaryOptions
{
    /// <summary>The authority's name, e.g. Kommunstyrelsen.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The diarienummer pattern: <c>{series}</c>, <c>{year}</c> or <c>{yy}</c>, <c>{number}</c> or <c>{number:N}</c>
    /// (zero-padded to N digits), other text literal. Default <c>{series} {year}/{number}</c> (KS 2026/123).
    /// </summary>
    public string Format { get; set; } = "{series} {year}/{number}";
}
