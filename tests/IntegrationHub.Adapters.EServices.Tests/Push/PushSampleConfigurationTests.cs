using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.Push;
using IntegrationHub.Adapters.EServices.Tests.Push.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.EServices.Tests.Push;

/// <summary>The shipped example (samples/config/eservices-push.appsettings.json) binds, validates and registers the handler.</summary>
public sealed class PushSampleConfigurationTests
{
    [Fact]
    public void TheSample_DescribesTwoInstancesOfDifferentStyles()
    {
        var artvise = PushSamples.Options("artvise");
        var selfpoint = PushSamples.Options("selfpoint");

        Assert.Equal((PushAuthentication.Hmac, PushFormat.Json, "X-Artvise-Timestamp"), (artvise.Authentication, artvise.Format, artvise.TimestampHeader));
        Assert.Equal((PushAuthentication.ApiKey, PushFormat.Xml, "X-Selfpoint-Key"), (selfpoint.Authentication, selfpoint.Format, selfpoint.ApiKeyHeader));
        Assert.Equal("urn:selfpoint:part:1", selfpoint.Namespaces["p"]);
        Assert.Equal("felanmalan-gata", artvise.CaseTypes["FELANMALAN-GATA-PARK"]);
        Assert.Equal("$.bilagor[*]", artvise.Mapping.Attachments);
    }

    [Fact]
    public async Task AddEServicesPush_RegistersOneValidatedHandlerServingBothInstances()
    {
        var services = new ServiceCollection();
        var store = new CountingContentStore();
        services.AddSingleton<IContentStore>(store);
        services.AddEServicesPush(PushSamples.Configuration());
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var handler = provider.GetRequiredService<PushSubmissionHandler>();

        Assert.Same(handler, provider.GetRequiredService<PushSubmissionHandler>());
        Assert.Equal(["artvise", "selfpoint"], handler.Instances.Order(StringComparer.Ordinal));
        Assert.True((await handler.HandleAsync("selfpoint", PushSamples.Bytes("selfpoint/submission.xml"), "application/xml", PushSamples.SelfpointHeaders(), CancellationToken.None)).Succeeded);
    }

    [Fact]
    public void AnInvalidInstance_FailsAtStartWithTheSettingNamed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:EServicesPush:trasig:Municipality"] = "2281",
            ["Adapters:EServicesPush:trasig:SourceSystem"] = "trasig",
            ["Adapters:EServicesPush:trasig:Secret"] = "en-tillrackligt-lang-hemlighet",
            ["Adapters:EServicesPush:trasig:Mapping:SubmissionId"] = "submissionId",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IContentStore>(new CountingContentStore());
        services.AddEServicesPush(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PushSubmissionHandler>());

        Assert.Contains("Adapters:EServicesPush:trasig:Mapping:SubmissionId must start with $", error.Message, StringComparison.Ordinal);
    }
}
