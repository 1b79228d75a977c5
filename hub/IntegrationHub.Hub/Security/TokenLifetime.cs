using Microsoft.IdentityModel.Tokens;

namespace IntegrationHub.Hub.Security;

/// <summary>Token lifetime checked against the hub's clock (the injected <see cref="TimeProvider"/>), with 30 s of skew.</summary>
internal static class TokenLifetime
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    /// <summary>A validator: a token must expire, be past its not-before and not yet expired.</summary>
    public static LifetimeValidator Validator(TimeProvider time) => (notBefore, expires, _, _) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } end && end > now - Skew && (notBefore is not { } start || start <= now + Skew);
    };
}
