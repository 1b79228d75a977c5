using Microsoft.Extensions.Hosting;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// The webhook receiver's host lifetime: none of its own. The default (console) lifetime would take over Ctrl+C and
/// SIGTERM to stop only the receiver; the bench handles them itself (it kills the hub and stops).
/// </summary>
internal sealed class ReceiverLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
