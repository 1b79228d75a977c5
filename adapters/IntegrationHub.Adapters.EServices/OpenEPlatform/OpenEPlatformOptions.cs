namespace IntegrationHub.Adapters.EServices.OpenEPlatform;

/// <summary>
/// One Open ePlatform installation: <c>Adapters:OpenEPlatform:{instance}</c>, e.g. <c>Adapters:OpenEPlatform:sundsvall</c>.
/// The adapter reads submitted flow instances through the instance API and reports back to the citizen through the
/// SOAP callback service. The password comes from an environment variable or a file, never from committed settings.
/// </summary>
public sealed class OpenEPlatformOptions
{
    /// <summary>The configuration section holding one entry per installation.</summary>
    public const string Section = "Adapters:OpenEPlatform";

    /// <summary>Kommunkod of the municipality whose e-services these are.</summary>
    public string? Municipality { get; set; }

    /// <summary>False to configure an instance without starting it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The platform's address; the API paths are relative to it, e.g. https://e-tjanster.kommun.se/oep/.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The integration user (basic authentication) with access to the instance API and the callback.</summary>
    public string? Username { get; set; }

    /// <summary>Its password (set it from an environment variable, e.g. <c>Adapters__OpenEPlatform__sundsvall__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>Or: a file holding the password (e.g. a mounted secret).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>When to look for new submissions: a Quartz cron expression, seconds first.</summary>
    public string Schedule { get; set; } = OpenEPlatformKeys.DefaultSchedule;

    /// <summary>The first day read when the source has no checkpoint yet (yyyy-MM-dd); empty: the day of the first poll.</summary>
    public string? StartDate { get; set; }

    /// <summary>Flow instances fetched (XML, PDF) per batch; the poller asks again at once while more wait.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>Seconds one HTTP attempt may take (a PDF download included).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Where an instance's PDF is fetched, relative to <see cref="BaseUrl"/>; <c>{id}</c> is the flow instance id. The
    /// instance API's documented calls do not include the PDF, so this is a setting: the default is the path the
    /// platform's PDF export module publishes in common installations.
    /// </summary>
    public string PdfPath { get; set; } = "api/instanceapi/getinstance/{id}/pdf";

    /// <summary>Optional absolute link template to the citizen's view of the errand, <c>{id}</c> the flow instance id.</summary>
    public string? CitizenLink { get; set; }

    /// <summary>Classification of submissions without a personnummer whose family sets none.</summary>
    public string DefaultClassification { get; set; } = "internal";

    /// <summary>The flow families read, keyed by family id (<c>Families:{familyId}</c>).</summary>
    public Dictionary<string, OpenEPlatformFamilyOptions> Families { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Hub event → Open ePlatform status name set through the callback. Keys: a short event type (<c>decided</c>,
    /// <c>closed</c>, …) or <c>{type}/{sourceStatus}</c> for one status of another system; an empty value sets nothing.
    /// Configured entries add to or override the defaults.
    /// </summary>
    public Dictionary<string, string> StatusMapping { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["opened"] = "Under behandling",
        ["paused"] = "Väntar på komplettering",
        ["resumed"] = "Under behandling",
        ["reopened"] = "Under behandling",
        ["closed"] = "Klart",
    };

    /// <summary>What the adapter tells Open ePlatform back.</summary>
    public OpenEPlatformCallbackOptions Callback { get; set; } = new();

    /// <summary>Retries and circuit breaker toward the platform.</summary>
    public OpenEPlatformResilienceOptions Resilience { get; set; } = new();
}
