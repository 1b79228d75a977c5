using IntegrationHub.Adapters.TestKit;

namespace IntegrationHub.Adapters.Platina.Tests.Inbound;

/// <summary>The Platina source keeps every rule of the source contract.</summary>
public sealed class PlatinaSourceContractTests : CaseEventSourceContract
{
    protected override Task<ISourceHarness> CreateHarnessAsync() => Task.FromResult<ISourceHarness>(new PlatinaSourceHarness());
}
