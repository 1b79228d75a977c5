namespace IntegrationHub.Hub.Tests.Calendar;

/// <summary>A clock that always shows one instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
