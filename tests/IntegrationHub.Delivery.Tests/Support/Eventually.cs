using System.Diagnostics;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>Polls for something a server makes true a moment later, bounded so that a broken server fails the test.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls <paramref name="probe"/> until it returns a value <paramref name="done"/> accepts, and returns it.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds.</summary>
    public static Task True(Func<Task<bool>> condition, string what, TimeSpan timeout, CancellationToken cancellationToken) =>
        Until(condition, held => held, what, timeout, cancellationToken);
}
