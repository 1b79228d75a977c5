using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.TestKit;

namespace IntegrationHub.Adapters.Fgs.Tests.Source;

/// <summary>The drop folder passes the contract every source passes.</summary>
public sealed class FgsFolderSourceContractTests : CaseEventSourceContract
{
    protected override Task<ISourceHarness> CreateHarnessAsync() => Task.FromResult<ISourceHarness>(new Harness());

    /// <summary>The far side is a folder: items are delivery files, failing renames the folder away.</summary>
    private sealed class Harness : ISourceHarness
    {
        private readonly DropFolder _drop = new();

        public ICaseEventSource Source => _drop.Source;

        public Task AddItemsAsync(int count, CancellationToken cancellationToken)
        {
            for (var i = 0; i < count; i++)
            {
                _drop.WriteDelivery();
            }

            _drop.Settle();
            return Task.CompletedTask;
        }

        public void Fail() => Directory.Move(_drop.Folder, _drop.Folder + "-borta");

        public void Recover() => Directory.Move(_drop.Folder + "-borta", _drop.Folder);

        public ValueTask DisposeAsync()
        {
            _drop.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
