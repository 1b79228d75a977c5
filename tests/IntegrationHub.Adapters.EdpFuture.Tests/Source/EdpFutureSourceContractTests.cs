using IntegrationHub.Adapters.EdpFuture.Tests.Simulation;
using IntegrationHub.Adapters.TestKit;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Source;

/// <summary>The source-side contract every adapter passes, against a simulated Future (batches of two, so paging is exercised).</summary>
public sealed class EdpFutureSourceContractTests : CaseEventSourceContract
{
    protected override Task<ISourceHarness> CreateHarnessAsync() => Task.FromResult<ISourceHarness>(new FutureErrandsHarness());
}
