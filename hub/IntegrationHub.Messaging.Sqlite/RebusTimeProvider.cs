using Rebus.Time;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Presents Rebus's clock as a <see cref="TimeProvider"/>, so the transport and Rebus agree on "now".</summary>
/// <param name="rebusTime">The clock Rebus resolved.</param>
internal sealed class RebusTimeProvider(IRebusTime rebusTime) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => rebusTime.Now.ToUniversalTime();
}
