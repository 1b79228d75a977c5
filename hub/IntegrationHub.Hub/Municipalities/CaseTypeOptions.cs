namespace IntegrationHub.Hub.Municipalities;

/// <summary>Rules for one case type of a municipality, e.g. <c>Hub:Municipalities:2281:CaseTypes:bygglov</c>.</summary>
public sealed class CaseTypeOptions
{
    /// <summary>The hub diary that registers these cases (a key of the municipality's <c>Diaries</c>).</summary>
    public string? Diary { get; set; }

    /// <summary>Instead: the source system whose diary is authoritative (e.g. <c>platina</c>); the hub records its numbers.</summary>
    public string? DiarySource { get; set; }

    /// <summary>Service promise (servicelöfte): a decision within this many Swedish working days of the case opening.</summary>
    public int? ServicePromiseWorkingDays { get; set; }
}
