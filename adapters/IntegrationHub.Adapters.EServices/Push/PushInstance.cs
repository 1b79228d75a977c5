using IntegrationHub.Adapters.EServices.Push.Reading;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>One configured instance, its paths compiled and its zone and classification resolved once.</summary>
internal sealed class PushInstance
{
    private PushInstance(string name, PushSubmissionOptions options, CompiledMapping mapping, TimeZoneInfo zone, DataClassification classification)
    {
        Name = name;
        Options = options;
        Mapping = mapping;
        TimeZone = zone;
        Classification = classification;
    }

    public string Name { get; }

    public PushSubmissionOptions Options { get; }

    public CompiledMapping Mapping { get; }

    public TimeZoneInfo TimeZone { get; }

    public DataClassification Classification { get; }

    /// <summary>The instance, or null with messages naming each bad setting.</summary>
    public static PushInstance? TryCreate(string name, PushSubmissionOptions options, List<string> errors)
    {
        var at = $"{PushSubmissionOptions.Section}:{name}";
        var before = errors.Count;
        var mapping = CompiledMapping.Compile(options, at, errors);
        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone ?? string.Empty);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            errors.Add($"{at}:TimeZone must be an IANA time zone id, e.g. Europe/Stockholm (the zone of submission times written without an offset).");
        }

        var classification = Classifications.TryParse(options.DataClassification);
        if (classification is null)
        {
            errors.Add($"{at}:DataClassification must be public, internal, confidential or restricted (default confidential: submissions hold personal data).");
        }

        return errors.Count > before || zone is null || classification is null ? null : new PushInstance(name, options, mapping, zone, classification.Value);
    }

    /// <summary>Creates the instance or throws with every problem (the options validator has reported them at start-up).</summary>
    public static PushInstance Create(string name, PushSubmissionOptions options)
    {
        var errors = new List<string>();
        return TryCreate(name, options, errors) ?? throw new InvalidOperationException(string.Join(" ", errors));
    }
}
