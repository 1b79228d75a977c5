using IntegrationHub.Adapters.EServices.OpenEPlatform;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Configuration;

/// <summary>Every bad setting is named, with what to put there.</summary>
public sealed class OptionsValidatorTests
{
    private static OpenEPlatformOptions Valid() => new()
    {
        Municipality = "2281",
        BaseUrl = new Uri("https://e-tjanster.sundsvall.example/oep/"),
        Username = "integrationhub",
        Password = "secret",
        Families = { ["101"] = new OpenEPlatformFamilyOptions { CaseType = "bygglov" } },
    };

    private static IReadOnlyList<string> Errors(OpenEPlatformOptions options) =>
        [.. new OpenEPlatformOptionsValidator().Validate("sundsvall", options).Failures ?? []];

    [Fact]
    public void AMinimalInstance_IsValid() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void ADisabledInstance_IsNotChecked() => Assert.Empty(Errors(new OpenEPlatformOptions { Enabled = false }));

    [Fact]
    public void MissingBasics_AreEachNamed()
    {
        var errors = Errors(new OpenEPlatformOptions());

        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Municipality must be the municipality's four-digit kommunkod", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Username is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Adapters__OpenEPlatform__sundsvall__Password", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Families must name at least one flow family", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainHttpOutsideLoopbackAndAMissingPasswordFile_AreRefused()
    {
        var options = Valid();
        options.BaseUrl = new Uri("http://e-tjanster.sundsvall.example/oep/");
        options.Password = null;
        options.PasswordFile = "/nonexistent/open-eplatform-password";

        var errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:BaseUrl", StringComparison.Ordinal));
        Assert.Contains("Adapters:OpenEPlatform:sundsvall:PasswordFile names a file that does not exist: /nonexistent/open-eplatform-password.", errors);
    }

    [Fact]
    public void BadReadingSettings_AreEachNamed()
    {
        var options = Valid();
        options.Schedule = "every five minutes";
        options.StartDate = "1 mars";
        options.BatchSize = 0;
        options.TimeoutSeconds = 0;
        options.PdfPath = "api/instanceapi/getinstance/pdf";
        options.CitizenLink = "/minasidor/{id}";
        options.DefaultClassification = "secret";

        var errors = Errors(options);

        foreach (var setting in new[] { "Schedule", "StartDate", "BatchSize", "TimeoutSeconds", "PdfPath", "CitizenLink", "DefaultClassification" })
        {
            Assert.Contains(errors, e => e.StartsWith($"Adapters:OpenEPlatform:sundsvall:{setting} must", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BadFamilies_AreNamedByFamilyAndSetting()
    {
        var options = Valid();
        options.Families["bygglov"] = new OpenEPlatformFamilyOptions { CaseType = "Bygglov!", Unit = "bygg lov", Classification = "hemlig", Headline = "" };
        options.Families["101"].Fields["fastighet"] = "case.fastighet";
        options.Families["101"].Fields["agare"] = "parties.agare";

        var errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Families:bygglov must be keyed by the numeric flow family id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Families:bygglov:CaseType is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Families:bygglov:Unit must", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Families:bygglov:Classification must", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Families:bygglov:Headline must", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Families:101:Fields:fastighet must be case.title, unit", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Families:101:Fields:agare must", StringComparison.Ordinal));
    }

    [Fact]
    public void BadCallbackSettings_AreEachNamed()
    {
        var options = Valid();
        options.StatusMapping["beslutat"] = "Klart";
        options.Callback.Path = "https://annan.example/callback";
        options.Callback.ExternalSystem = "";
        options.Callback.MessageEventTypes = ["beslut"];
        options.Resilience.MaxRetries = 20;
        options.Resilience.FailureRatio = 2;

        var errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:StatusMapping:beslutat must be keyed by a short event type", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Callback:Path must", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Callback:ExternalSystem must", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Callback:MessageEventTypes has 'beslut'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Resilience:MaxRetries must", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:OpenEPlatform:sundsvall:Resilience:FailureRatio must", StringComparison.Ordinal));
    }
}
