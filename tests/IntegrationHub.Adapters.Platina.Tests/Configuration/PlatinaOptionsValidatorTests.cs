using IntegrationHub.Adapters.Platina.Outbound;

namespace IntegrationHub.Adapters.Platina.Tests.Configuration;

/// <summary>Every bad setting is reported with its full path and what to put there.</summary>
public sealed class PlatinaOptionsValidatorTests
{
    private static PlatinaOptions Valid() => new()
    {
        Municipality = "2281",
        BaseUrl = new Uri("https://platina.sundsvall.example/integration/v1/"),
        ApiKey = "from-the-environment",
        Outbound = new PlatinaOutboundOptions
        {
            Rules = [new PlatinaOutboundRule { Name = "till-namnd", SourceSystems = ["edp-future"], SourceStatuses = ["Till nämnd"] }],
        },
    };

    private static List<string> Errors(PlatinaOptions options) =>
        new PlatinaOptionsValidator().Validate("sundsvall", options).Failures?.ToList() ?? [];

    [Fact]
    public void ACompleteInstance_IsValid() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void ADisabledInstance_IsNotChecked() => Assert.Empty(Errors(new PlatinaOptions { Enabled = false }));

    [Fact]
    public void NothingSet_NamesEverySettingThatMustBeSet()
    {
        var errors = Errors(new PlatinaOptions());

        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Municipality must be the municipality's four-digit kommunkod", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:ApiKey is required", StringComparison.Ordinal) && e.Contains("Adapters__Platina__sundsvall__ApiKey", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://platina.sundsvall.example/")]
    [InlineData("ftp://platina.sundsvall.example/")]
    public void APlainHttpOrOtherAddress_IsRefused(string url)
    {
        var options = Valid();
        options.BaseUrl = new Uri(url);

        Assert.Contains(Errors(options), e => e.StartsWith("Adapters:Platina:sundsvall:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void AKeyFileThatDoesNotExist_IsNamed()
    {
        var options = Valid();
        options.ApiKey = null;
        options.ApiKeyFile = "/run/secrets/finns-inte";

        Assert.Contains("Adapters:Platina:sundsvall:ApiKeyFile names a file that does not exist: /run/secrets/finns-inte.", Errors(options));
    }

    [Fact]
    public void BadNumbersAndSchedule_AreNamed()
    {
        var options = Valid();
        options.Schedule = "every two minutes";
        options.PageSize = 0;
        options.TimeoutSeconds = 0;
        options.DefaultClassification = "hemlig";
        options.ApiKeyHeader = "X Api Key";
        options.Resilience.MaxRetries = 99;
        options.Resilience.FailureRatio = 2;
        options.Resilience.MinimumThroughput = 1;

        var errors = Errors(options);

        foreach (var setting in new[] { "Schedule", "PageSize", "TimeoutSeconds", "DefaultClassification", "ApiKeyHeader", "Resilience:MaxRetries", "Resilience:FailureRatio", "Resilience:MinimumThroughput" })
        {
            Assert.Contains(errors, e => e.StartsWith($"Adapters:Platina:sundsvall:{setting} must", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BadMappings_NameTheEntryAndTheAllowedValues()
    {
        var options = Valid();
        options.Mapping.CaseTypes["Bygglov"] = "Bygglov";
        options.Mapping.Statuses["Pågående"] = "Pågår";
        options.Mapping.EventTypes["registered"] = "se.sambruk.case.referred";
        options.Mapping.DecisionOutcomes["Bifall"] = "ja";
        options.Mapping.Fields.CaseDiarienummer = "case.diarienummer";

        var errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Mapping:CaseTypes:Bygglov must be a hub case type key", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Mapping:Statuses:Pågående must be an FGS case status", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Mapping:EventTypes:registered must be empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Mapping:DecisionOutcomes:Bifall must be approved", StringComparison.Ordinal));
        Assert.Contains("Adapters:Platina:sundsvall:Mapping:Fields:CaseDiarienummer must be a JSON pointer starting with '/', e.g. /case/diarienummer.", errors);
    }

    [Fact]
    public void BadRules_AreNamedByTheirIndex()
    {
        var options = Valid();
        options.Outbound.Rules.Add(new PlatinaOutboundRule { Name = "till-namnd", SourceSystems = ["platina"], EventTypes = ["se.sambruk.case.sent"], CaseTypes = ["VA"] });
        options.Outbound.Rules.Add(new PlatinaOutboundRule());

        var errors = Errors(options);

        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Outbound:Rules:1:Name 'till-namnd' is used by another rule", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Outbound:Rules:1:SourceSystems must not contain platina", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Outbound:Rules:1:EventTypes has 'se.sambruk.case.sent'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Outbound:Rules:1:CaseTypes has 'VA'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Outbound:Rules:2:Name is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Outbound:Rules:2:SourceSystems must name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:Platina:sundsvall:Outbound:Rules:2 needs a trigger", StringComparison.Ordinal));
    }
}
