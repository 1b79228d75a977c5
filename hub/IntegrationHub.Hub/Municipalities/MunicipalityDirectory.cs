using IntegrationHub.Hub.Diary.Numbering;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Municipalities;

/// <summary>The validated <c>Hub:Municipalities</c> configuration, ready to ask.</summary>
public sealed class MunicipalityDirectory
{
    private static readonly DiaryRule Unconfigured = new DiaryRule.Unconfigured();
    private readonly Dictionary<(string Municipality, string CaseType), DiaryRule> _rules = [];
    private readonly Dictionary<(string Municipality, string Series), DiarienummerFormat> _diaries = [];
    private readonly Dictionary<(string Municipality, string CaseType), int> _servicePromises = [];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _caseTypes = new(StringComparer.Ordinal);

    /// <summary>Builds the directory from validated options.</summary>
    public MunicipalityDirectory(IOptions<MunicipalitiesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (code, municipality) in options.Value.Municipalities)
        {
            if (municipality.Name is { Length: > 0 } name)
            {
                _names[code] = name;
            }

            foreach (var (series, diary) in municipality.Diaries)
            {
                _diaries[(code, series)] = DiarienummerFormat.Parse(diary.Format, series);
            }

            _caseTypes[code] = [.. municipality.CaseTypes.Keys.Order(StringComparer.Ordinal)];
            foreach (var (caseType, rule) in municipality.CaseTypes)
            {
                if (rule.Diary is { } series)
                {
                    _rules[(code, caseType)] = new DiaryRule.HubDiary(series, _diaries[(code, series)]);
                }
                else if (rule.DiarySource is { } source)
                {
                    _rules[(code, caseType)] = new DiaryRule.SourceDiary(source);
                }

                if (rule.ServicePromiseWorkingDays is { } days)
                {
                    _servicePromises[(code, caseType)] = days;
                }
            }
        }
    }

    /// <summary>The diary rule for a case type (unconfigured when there is none).</summary>
    public DiaryRule DiaryRuleFor(string municipality, string? caseType) =>
        caseType is not null && _rules.TryGetValue((municipality, caseType), out var rule) ? rule : Unconfigured;

    /// <summary>The number format of a hub diary, if configured.</summary>
    public DiarienummerFormat? DiaryFormat(string municipality, string series) =>
        _diaries.GetValueOrDefault((municipality, series));

    /// <summary>The diaries of a municipality.</summary>
    public IReadOnlyList<string> Diaries(string municipality) =>
        [.. _diaries.Keys.Where(k => k.Municipality == municipality).Select(k => k.Series).Order(StringComparer.Ordinal)];

    /// <summary>The case types configured for a municipality (empty when none are).</summary>
    public IReadOnlyList<string> CaseTypes(string municipality) => _caseTypes.GetValueOrDefault(municipality) ?? [];

    /// <summary>The municipality's name (<c>Hub:Municipalities:{kommunkod}:Name</c>), if configured.</summary>
    public string? Name(string municipality) => _names.GetValueOrDefault(municipality);

    /// <summary>The service promise in working days for a case type, if configured.</summary>
    public int? ServicePromiseWorkingDays(string municipality, string? caseType) =>
        caseType is not null && _servicePromises.TryGetValue((municipality, caseType), out var days) ? days : null;
}
