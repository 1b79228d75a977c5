using System.Diagnostics;

namespace IntegrationHub.Messaging.Sqlite.Tests.Support;

/// <summary>Bounded polling: waits for a condition instead of sleeping for a guessed time.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
