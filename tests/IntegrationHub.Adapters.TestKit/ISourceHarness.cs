using IntegrationHub.Adapters.Abstractions;

namespace IntegrationHub.Adapters.TestKit;

/// <summary>
/// One adapter's source side with its far side under the test's control (a WireMock.Net simulation, a folder). Made
/// fresh for every contract test.
/// </summary>
public interface ISourceHarness : IAsyncDisposable
{
    /// <summary>The source under test, reading the simulated far side.</summary>
    ICaseEventSource Source { get; }

    /// <summary>Puts <paramref name="count"/> new native items (errands, Platina events, FGS files…) in the far side; each maps to at least one event.</summary>
    Task AddItemsAsync(int count, CancellationToken cancellationToken);

    /// <summary>Makes the far side unavailable (HTTP 503, connection refused, a locked folder…) until <see cref="Recover"/>.</summary>
    void Fail();

    /// <summary>Makes the far side answer again.</summary>
    void Recover();
}
