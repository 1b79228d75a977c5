using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;

/// <summary>Options for an instance talking to the simulator, mapped like the shipped sample, with retries fast enough for tests.</summary>
internal static class TestOptions
{
    public const string Instance = "sundsvall";

    public static OpenEPlatformOptions For(OpenEPlatformSimulator platform)
    {
        var options = new OpenEPlatformOptions
        {
            Municipality = "2281",
            BaseUrl = platform.Url,
            Username = OpenEPlatformSimulator.Username,
            Password = OpenEPlatformSimulator.Password,
            StartDate = "2026-03-01",
            TimeoutSeconds = 5,
            CitizenLink = "https://e-tjanster.sundsvall.example/oep/minasidor/arende/{id}",
            Resilience = new OpenEPlatformResilienceOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5) },
        };
        options.Families["101"] = new OpenEPlatformFamilyOptions
        {
            CaseType = "bygglov",
            Title = "Ansökan om bygglov, {fastighetsbeteckning}: {atgard}",
            Headline = "Vi har tagit emot din ansökan om bygglov",
            Authority = "SBN",
            AuthorityName = "Stadsbyggnadsnämnden",
            Unit = "bygglov",
            Fields =
            {
                ["handlaggande_enhet"] = "unit",
                ["atgard"] = "event.description",
                ["beskrivning"] = "event.description",
                ["kontaktuppgifter"] = "parties.applicant",
                ["fastighetsagare"] = "parties.property-owner",
            },
        };
        options.Families["205"] = new OpenEPlatformFamilyOptions
        {
            CaseType = "felanmalan-gata",
            Title = "Felanmälan: {kategori}, {plats}",
            Headline = "Vi har tagit emot din felanmälan",
            DocumentType = "Felanmälan",
            Unit = "gata-park",
            UnitName = "Gata och park",
            Status = "Inskickat",
            Fields = { ["plats"] = "event.description", ["beskrivning"] = "event.description" },
        };
        return options;
    }

    public static OpenEPlatformConnection Connection(OpenEPlatformOptions options, CircuitMonitor? circuit = null) =>
        OpenEPlatformConnection.Create(Instance, options, circuit ?? new CircuitMonitor(), TimeProvider.System);
}
