using Rebus.Time;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Presents a <see cref="TimeProvider"/> as Rebus's clock (deferral times, sent-time headers, error tracking).</summary>
/// <param name="timeProvider">The clock configured in <see cref="SqliteTransportOptions.TimeProvider"/>.</param>
internal sealed class TimeProviderRebusTime(TimeProvider timeProvider) : IRebusTime
{
    /// <inheritdoc />
    public DateTimeOffset Now => timeProvider.GetUtcNow();
}
