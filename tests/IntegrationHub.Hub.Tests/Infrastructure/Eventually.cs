using System.Diagnostics;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>Waits for a condition the asynchronous pipeline makes true, bounded so a broken pipeline fails the test.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : struct
    {
        var limit = timeout ?? DefaultLimit;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(25);
        }
    }

    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Get<bool>(async () => await condition() ? true : null, what, timeout);
}
