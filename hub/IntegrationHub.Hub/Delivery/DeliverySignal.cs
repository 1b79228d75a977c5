using System.Threading.Channels;

namespace IntegrationHub.Hub.Delivery;

/// <summary>Wakes the dispatcher when there may be something to dispatch (the pipeline correlated an event, a delivery finished).</summary>
public sealed class DeliverySignal
{
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a dispatch round soon; many calls before the round make one round.</summary>
    public void Nudge() => _signals.Writer.TryWrite(true);

    /// <summary>Waits for a nudge or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _signals.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a nudge.
        }
    }
}
