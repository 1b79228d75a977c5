using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EdpFuture;

/// <summary>
/// One EDP Future installation: <c>Adapters:EdpFuture:{instance}</c>, e.g. <c>Adapters:EdpFuture:sundsvall</c>.
/// The password (HTTP Basic, when the service sits behind it) comes from an environment variable or a file, never from
/// committed settings.
/// </summary>
public sealed class EdpFutureOptions
{
    /// <summary>The configuration section holding one entry per Future instance.</summary>
    public const string Section = "Adapters:EdpFuture";

    /// <summary>Kommunkod of the municipality whose VA and waste errands this Future holds.</summary>
    public string? Municipality { get; set; }

    /// <summary>False to configure an instance without polling it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address of the WCF service (the .svc), e.g. https://future.kommun.se/EDPFutureWebAPI/EDPFutureWebAPI.svc.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>When to read the errands: a Quartz cron expression, seconds first.</summary>
    public string Schedule { get; set; } = "0 0/5 * * * ?";

    /// <summary>The Future customer numbers (kundnummer) whose errands are followed.</summary>
    public List<int> CustomerIds { get; set; } = [];

    /// <summary>Future errand type (e.g. "Klagomål") to hub case type key (e.g. "renhallning-klagomal").</summary>
    public Dictionary<string, string> CaseTypes { get; set; } = [];

    /// <summary>The hub case type of an errand whose type is not in <see cref="CaseTypes"/>.</summary>
    public string DefaultCaseType { get; set; } = "va-renhallning";

    /// <summary>Future status text (e.g. "Avslutat") to FGS case status; unmapped statuses leave case.status unset.</summary>
    public Dictionary<string, CaseStatus> Statuses { get; set; } = [];

    /// <summary>The time zone Future's local times (sent without offset) are in (IANA id).</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>At most this many events per batch; the poller asks again at once for the rest.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Seconds one call to Future may take before it counts as a timeout (per attempt).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>The classification of the events (VA and waste errands are normally internal).</summary>
    public DataClassification DataClassification { get; set; } = DataClassification.Internal;

    /// <summary>Login for HTTP Basic, when the service is published behind it; empty for none.</summary>
    public string? Username { get; set; }

    /// <summary>Password (set it from an environment variable, e.g. <c>Adapters__EdpFuture__sundsvall__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>Or: a file holding the password (e.g. a mounted secret).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Retries and circuit breaker.</summary>
    public EdpFutureResilienceOptions Resilience { get; set; } = new();
}
