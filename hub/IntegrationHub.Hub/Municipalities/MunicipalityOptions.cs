namespace IntegrationHub.Hub.Municipalities;

/// <summary>One municipality the hub serves: <c>Hub:Municipalities:{kommunkod}</c>.</summary>
public sealed class MunicipalityOptions
{
    /// <summary>E.g. Sundsvalls kommun.</summary>
    public string? Name { get; set; }

    /// <summary>Diaries by series code (KS, BUN, SBN …).</summary>
    public Dictionary<string, DiaryOptions> Diaries { get; set; } = [];

    /// <summary>Rules per case type key (bygglov, medborgarforslag …).</summary>
    public Dictionary<string, CaseTypeOptions> CaseTypes { get; set; } = [];
}
