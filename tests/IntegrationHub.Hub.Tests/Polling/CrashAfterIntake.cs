using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Hub.Tests.Polling;

/// <summary>
/// Simulates a process dying right after the hub stored a batch and before the poller stored the checkpoint: the
/// intake's commit goes through, then the poll is cancelled, which is what a kill at that point leaves behind.
/// </summary>
internal sealed class CrashAfterIntake : IDisposable
{
    private CancellationTokenSource? _armed;

    /// <summary>The token to poll with; cancelled by the next intake.</summary>
    public CancellationToken Arm()
    {
        _armed = new CancellationTokenSource();
        return _armed.Token;
    }

    public void AfterIntake()
    {
        if (Interlocked.Exchange(ref _armed, null) is { } armed)
        {
            armed.Cancel();
        }
    }

    public void Dispose() => _armed?.Dispose();
}

/// <summary>The hub's intake, followed by <see cref="CrashAfterIntake"/>.</summary>
internal sealed class CrashingIntake(ICaseEventIntake inner, CrashAfterIntake crash) : ICaseEventIntake
{
    public async Task<IntakeReceipt> SubmitAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        var receipt = await inner.SubmitAsync(events, CancellationToken.None);
        crash.AfterIntake();
        return receipt;
    }
}
