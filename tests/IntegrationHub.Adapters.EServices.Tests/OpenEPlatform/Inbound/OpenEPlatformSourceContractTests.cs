using IntegrationHub.Adapters.TestKit;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Inbound;

/// <summary>The Open ePlatform source keeps every rule of the source contract.</summary>
public sealed class OpenEPlatformSourceContractTests : CaseEventSourceContract
{
    protected override Task<ISourceHarness> CreateHarnessAsync() => Task.FromResult<ISourceHarness>(new OpenEPlatformSourceHarness());
}
