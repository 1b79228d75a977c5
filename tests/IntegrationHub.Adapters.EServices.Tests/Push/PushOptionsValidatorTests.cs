using IntegrationHub.Adapters.EServices.Push;
using IntegrationHub.Adapters.EServices.Tests.Push.Support;

namespace IntegrationHub.Adapters.EServices.Tests.Push;

/// <summary>Every bad setting is reported with its full path and what to put there.</summary>
public sealed class PushOptionsValidatorTests
{
    private static List<string> Errors(PushSubmissionOptions options, string name = "artvise") =>
        new PushSubmissionOptionsValidator().Validate(name, options).Failures?.ToList() ?? [];

    [Theory]
    [InlineData("artvise")]
    [InlineData("selfpoint")]
    public void TheSampleInstances_AreValid(string instance) => Assert.Empty(Errors(PushSamples.Options(instance), instance));

    [Fact]
    public void ADisabledInstance_IsNotChecked() => Assert.Empty(Errors(new PushSubmissionOptions { Enabled = false }));

    [Fact]
    public void NothingSet_NamesEverySettingThatMustBeSet()
    {
        var errors = Errors(new PushSubmissionOptions());

        Assert.Contains(errors, e => e.StartsWith("Adapters:EServicesPush:artvise:Municipality must be the municipality's four-digit kommunkod", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:EServicesPush:artvise:SourceSystem is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:EServicesPush:artvise:Secret is required", StringComparison.Ordinal) && e.Contains("Adapters__EServicesPush__artvise__Secret", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:EServicesPush:artvise:Mapping:SubmissionId is required", StringComparison.Ordinal) && e.Contains("$.submissionId", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Title", "rubrik", "Adapters:EServicesPush:artvise:Mapping:Title must start with $")]
    [InlineData("Attachments", "$.bilagor[", "Adapters:EServicesPush:artvise:Mapping:Attachments has a '[' at position 10")]
    [InlineData("ApplicantEmail", "$..epost", "Adapters:EServicesPush:artvise:Mapping:ApplicantEmail has no name after the '.' at position 2")]
    [InlineData("AttachmentName", "filnamn", "Adapters:EServicesPush:artvise:Mapping:AttachmentName must start with $")]
    public void ABadJsonPath_NamesItsSettingAndWhatIsWrong(string field, string path, string message)
    {
        var options = PushSamples.Options("artvise");
        typeof(PushFieldMapping).GetProperty(field)!.SetValue(options.Mapping, path);

        Assert.Contains(Errors(options), e => e.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Title", "/sp:Inlamning/sp:Huvud/", "Mapping:Title is not a valid XPath 1.0 expression")]
    [InlineData("Title", "/okand:Inlamning/okand:Rubrik", "Mapping:Title is not a valid XPath 1.0 expression with the configured Namespaces prefixes")]
    [InlineData("AttachmentContent", "sp:Innehall[", "Mapping:AttachmentContent is not a valid XPath 1.0 expression")]
    public void ABadXPathOrAnUndeclaredPrefix_NamesItsSetting(string field, string path, string message)
    {
        var options = PushSamples.Options("selfpoint");
        typeof(PushFieldMapping).GetProperty(field)!.SetValue(options.Mapping, path);

        Assert.Contains(Errors(options, "selfpoint"), e => e.StartsWith("Adapters:EServicesPush:selfpoint:" + message, StringComparison.Ordinal));
    }

    [Fact]
    public void ABadNamespacePrefix_IsNamed()
    {
        var options = PushSamples.Options("selfpoint");
        options.Namespaces["xmlns"] = "urn:x";
        options.Namespaces["tom"] = "";

        var errors = Errors(options, "selfpoint");

        Assert.Contains(errors, e => e.StartsWith("Adapters:EServicesPush:selfpoint:Namespaces:xmlns must map an XML prefix", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Adapters:EServicesPush:selfpoint:Namespaces:tom must map an XML prefix", StringComparison.Ordinal));
    }

    [Fact]
    public void AttachmentsWithoutNameOrContent_AreNamed()
    {
        var options = PushSamples.Options("artvise");
        options.Mapping.AttachmentContent = null;

        Assert.Contains(Errors(options), e => e.StartsWith("Adapters:EServicesPush:artvise:Mapping:AttachmentName and Adapters:EServicesPush:artvise:Mapping:AttachmentContent are required", StringComparison.Ordinal));
    }

    [Fact]
    public void BadValues_AreNamed()
    {
        var options = PushSamples.Options("artvise");
        options.Municipality = "228";
        options.SourceSystem = "Artvise";
        options.SignatureHeader = "X Signature";
        options.TimestampHeader = "";
        options.MaxClockSkew = TimeSpan.FromHours(2);
        options.MaxBodyBytes = 10;
        options.CaseType = "Felanmälan";
        options.CaseTypes["felanmalan-gata-park"] = "Felanmälan gata";
        options.DataClassification = "hemlig";
        options.TimeZone = "Europe/Sundsvall";
        options.Secret = "kort";

        var errors = Errors(options);

        foreach (var setting in new[] { "Municipality", "SourceSystem", "SignatureHeader", "TimestampHeader", "MaxClockSkew", "MaxBodyBytes", "CaseType", "CaseTypes:felanmalan-gata-park", "DataClassification", "TimeZone", "Secret" })
        {
            Assert.Contains(errors, e => e.StartsWith($"Adapters:EServicesPush:artvise:{setting} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AnApiKeyInstance_NeedsAValidHeaderName()
    {
        var options = PushSamples.Options("selfpoint");
        options.ApiKeyHeader = "";

        Assert.Contains(Errors(options, "selfpoint"), e => e.StartsWith("Adapters:EServicesPush:selfpoint:ApiKeyHeader must be", StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingSecretFile_IsNamed()
    {
        var options = PushSamples.Options("selfpoint");
        options.Secret = null;

        Assert.Contains("Adapters:EServicesPush:selfpoint:SecretFile names a file that does not exist: /run/secrets/eservices-push-selfpoint.", Errors(options, "selfpoint"));
    }
}
