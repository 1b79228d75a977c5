using System.Net;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>A hub whose callers get two requests and then one more per hour (so no test depends on timing).</summary>
public sealed class TightRateLimitHubFactory : HubFactory
{
    public TightRateLimitHubFactory()
    {
        Settings["Hub:Security:RateLimit:Permits"] = "1";
        Settings["Hub:Security:RateLimit:Burst"] = "2";
        Settings["Hub:Security:RateLimit:Period"] = "01:00:00";
    }
}

/// <summary>Each caller has its own bucket; a caller over its limit gets 429 with Retry-After, others carry on.</summary>
public sealed class RateLimitTests(TightRateLimitHubFactory hub) : IClassFixture<TightRateLimitHubFactory>
{
    [Fact]
    public async Task A_caller_over_its_limit_gets_429_naming_the_rule_while_another_caller_is_served()
    {
        using var admin = hub.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/keys")).StatusCode);
        var refused = await admin.GetAsync("/api/v1/keys");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Contains(("Authorization", "rateLimit"), (await refused.Json()).Errors());

        // Anonymous callers share a bucket per address, apart from every key's; /health is never limited.
        using var anonymous = hub.CreateClient().Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/events")).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        }
    }
}
