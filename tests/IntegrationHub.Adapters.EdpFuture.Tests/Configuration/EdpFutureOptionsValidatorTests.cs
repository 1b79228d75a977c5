using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Configuration;

/// <summary>Each bad setting gives a message that names its full path and says what to put there.</summary>
public sealed class EdpFutureOptionsValidatorTests
{
    private const string At = "Adapters:EdpFuture:sundsvall";

    private static EdpFutureOptions Valid() => new()
    {
        Municipality = "2281",
        BaseUrl = new Uri("https://future.exempelkommun.se/EDPFutureWebAPI/EDPFutureWebAPI.svc"),
        CustomerIds = [100245],
    };

    private static List<string> Errors(EdpFutureOptions options, string name = "sundsvall") =>
        new EdpFutureOptionsValidator().Validate(name, options).Failures?.ToList() ?? [];

    [Fact]
    public void AValidInstance_Passes() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void ADisabledInstance_IsNotChecked() => Assert.Empty(Errors(new EdpFutureOptions { Enabled = false }));

    [Fact]
    public void AnEmptyInstance_NamesEveryRequiredSetting()
    {
        var errors = Errors(new EdpFutureOptions());

        Assert.Contains($"{At}:Municipality must be the municipality's four-digit kommunkod, e.g. 2281.", errors);
        Assert.Contains($"{At}:BaseUrl is required: the https address of the Future web service (the .svc), e.g. https://future.kommun.se/EDPFutureWebAPI/EDPFutureWebAPI.svc.", errors);
        Assert.Contains(errors, e => e.StartsWith($"{At}:CustomerIds must list at least one Future customer number", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    public static TheoryData<string, Action<EdpFutureOptions>> BadSettings => new()
    {
        { "Municipality", o => o.Municipality = "Sundsvall" },
        { "BaseUrl", o => o.BaseUrl = new Uri("http://future.exempelkommun.se/EDPFutureWebAPI.svc") },
        { "Schedule", o => o.Schedule = "var femte minut" },
        { "CustomerIds:1", o => o.CustomerIds = [100245, -3] },
        { "DefaultCaseType", o => o.DefaultCaseType = "VA Renhållning" },
        { "CaseTypes:Klagomål", o => o.CaseTypes["Klagomål"] = "Klagomål!" },
        { "Statuses:Avslutat", o => o.Statuses["Avslutat"] = (CaseStatus)42 },
        { "TimeZone", o => o.TimeZone = "Europe/Sundsvall" },
        { "BatchSize", o => o.BatchSize = 0 },
        { "TimeoutSeconds", o => o.TimeoutSeconds = 0 },
        { "DataClassification", o => o.DataClassification = (DataClassification)9 },
        { "Password", o => o.Username = "integrationhub" },
        { "PasswordFile", o => { o.Username = "integrationhub"; o.PasswordFile = "/finns/inte/losenord"; } },
        { "Username", o => o.Password = "hemligt" },
        { "Resilience:MaxRetries", o => o.Resilience.MaxRetries = 11 },
        { "Resilience:RetryDelay", o => o.Resilience.RetryDelay = TimeSpan.FromHours(1) },
        { "Resilience:FailureRatio", o => o.Resilience.FailureRatio = 2 },
        { "Resilience:MinimumThroughput", o => o.Resilience.MinimumThroughput = 1 },
        { "Resilience:SamplingDuration", o => o.Resilience.SamplingDuration = TimeSpan.Zero },
        { "Resilience:BreakDuration", o => o.Resilience.BreakDuration = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void EachBadSetting_GivesOneMessageNamingIt(string setting, Action<EdpFutureOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var error = Assert.Single(Errors(options));

        Assert.StartsWith($"{At}:{setting} ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMissingPassword_SaysWhichEnvironmentVariableOrFileToUse()
    {
        var options = Valid();
        options.Username = "integrationhub";

        var error = Assert.Single(Errors(options));

        Assert.Contains("Adapters__EdpFuture__sundsvall__Password", error, StringComparison.Ordinal);
        Assert.Contains($"{At}:PasswordFile", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInstanceName_MustFitTheSourceName()
    {
        var error = Assert.Single(Errors(Valid(), "Sundsvall Kommun"));

        Assert.StartsWith("Adapters:EdpFuture:Sundsvall Kommun must be named with lowercase letters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttp_IsAllowedOnlyOnLoopback()
    {
        var options = Valid();
        options.BaseUrl = new Uri("http://127.0.0.1:8080/EDPFutureWebAPI.svc");

        Assert.Empty(Errors(options));
    }
}
