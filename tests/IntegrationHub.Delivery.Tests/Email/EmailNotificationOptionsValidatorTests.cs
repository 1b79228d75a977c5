using IntegrationHub.Delivery.Email;
using IntegrationHub.Delivery.Tests.Support;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Delivery.Tests.Email;

public sealed class EmailNotificationOptionsValidatorTests
{
    private readonly EmailNotificationOptionsValidator _validator = new();

    private static EmailNotificationOptions Valid() => new() { Host = "smtp.sundsvall.se", From = "noreply@sundsvall.se" };

    [Fact]
    public void Validate_TheDefaultTemplatesWithHostAndFrom_Succeed() =>
        Assert.True(_validator.Validate(null, Valid()).Succeeded);

    [Fact]
    public void Validate_NoHost_SucceedsBecauseEmailIsSimplyOff() =>
        Assert.True(_validator.Validate(null, new EmailNotificationOptions { Body = "{headline}" }).Succeeded);

    [Theory]
    [InlineData("Body", "Ny händelse: {headline}", "{headline}")]
    [InlineData("Subject", "{caseNumber} har ändrats", "{caseNumber}")]
    [InlineData("FromName", "{municipality} – {handlaggare}", "{handlaggare}")]
    public void Validate_UnknownPlaceholder_FailsNamingTheSettingAndThePlaceholder(string setting, string template, string placeholder)
    {
        var options = Valid();
        switch (setting)
        {
            case "Body": options.Body = template; break;
            case "Subject": options.Subject = template; break;
            default: options.FromName = template; break;
        }

        var failure = Assert.Single(Failures(options));

        Assert.StartsWith($"Hub:Delivery:Email:{setting} uses {placeholder};", failure, StringComparison.Ordinal);
        Assert.Contains("only {municipality} and {loginUrl} exist", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KnownPlaceholdersOnly_Succeed()
    {
        var options = Valid();
        options.Body = "Logga in på {loginUrl} för att se vad {municipality} har gjort.";

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("noreply")]
    [InlineData("Sundsvalls kommun")]
    public void Validate_MissingOrInvalidFrom_FailsNamingTheSetting(string? from)
    {
        var options = Valid();
        options.From = from;

        Assert.StartsWith("Hub:Delivery:Email:From must be the sender's address", Assert.Single(Failures(options)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-25)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_FailsNamingTheSetting(int port)
    {
        var options = Valid();
        options.Port = port;

        Assert.StartsWith("Hub:Delivery:Email:Port must be between 1 and 65535", Assert.Single(Failures(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserNameWithoutPassword_FailsNamingBothSettings()
    {
        var options = Valid();
        options.UserName = "ihub";

        Assert.Contains("Hub:Delivery:Email:Password is required when Hub:Delivery:Email:UserName is set", Assert.Single(Failures(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyTemplate_FailsNamingTheSetting()
    {
        var options = Valid();
        options.Subject = " ";

        Assert.Equal("Hub:Delivery:Email:Subject must not be empty.", Assert.Single(Failures(options)));
    }

    [Fact]
    public async Task AddDeliveryChannels_UnknownPlaceholderInConfiguration_StopsTheChannelWithTheSettingsName()
    {
        await using var services = new DeliveryServices(new Dictionary<string, string?>
        {
            ["Hub:Delivery:Email:Host"] = "smtp.sundsvall.se",
            ["Hub:Delivery:Email:From"] = "noreply@sundsvall.se",
            ["Hub:Delivery:Email:Body"] = "Nytt i ditt ärende: {headline}",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.Get<IOptions<EmailNotificationOptions>>().Value);

        Assert.Contains("Hub:Delivery:Email:Body uses {headline}", error.Message, StringComparison.Ordinal);
    }

    private IEnumerable<string> Failures(EmailNotificationOptions options) =>
        _validator.Validate(null, options).Failures ?? [];
}
