using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Delivery.Webhooks;

namespace IntegrationHub.Delivery.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The example of the Standard Webhooks specification (standardwebhooks.com), which consumers' libraries are tested with.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Sign_StandardWebhooksExample_GivesThePublishedSignature() =>
        Assert.Equal(Expected, WebhookSignature.Sign(Secret, Id, Timestamp, Body));

    [Fact]
    public void Sign_IsHmacSha256OverIdTimestampAndBodyWithTheDecodedKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var secret = "whsec_" + Convert.ToBase64String(key);
        var body = Encoding.UTF8.GetBytes("{\"headline\":\"Vi har tagit emot din ansökan\"}");

        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, (byte[])[.. Encoding.UTF8.GetBytes("evt-1.1772438400."), .. body]));

        Assert.Equal(expected, WebhookSignature.Sign(secret, "evt-1", 1772438400, body));
    }

    [Fact]
    public void Verify_SignatureOfTheRequest_IsAccepted() =>
        Assert.True(WebhookSignature.Verify(Secret, Id, "1614265330", Expected, Body, SignedAt.AddSeconds(30), TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_AnotherSecret_IsRefused() =>
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), Id, "1614265330", Expected, Body, SignedAt, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_TamperedBody_IsRefused() =>
        Assert.False(WebhookSignature.Verify(Secret, Id, "1614265330", Expected, Encoding.UTF8.GetBytes("{\"test\": 2432232315}"), SignedAt, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_AnotherId_IsRefused() =>
        Assert.False(WebhookSignature.Verify(Secret, "msg_other", "1614265330", Expected, Body, SignedAt, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_TimestampOutsideTheTolerance_IsRefusedAsAReplay() =>
        Assert.False(WebhookSignature.Verify(Secret, Id, "1614265330", Expected, Body, SignedAt.AddMinutes(6), TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData("")]
    [InlineData("-1614265330")]
    [InlineData("1614265330.5")]
    [InlineData("soon")]
    public void Verify_MalformedTimestamp_IsRefused(string timestamp) =>
        Assert.False(WebhookSignature.Verify(Secret, Id, timestamp, Expected, Body, SignedAt, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Verify_SeveralSignaturesWhileASecretIsRotated_AcceptsTheOneThatMatches() =>
        Assert.True(WebhookSignature.Verify(Secret, Id, "1614265330", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + Expected, Body, SignedAt, TimeSpan.FromMinutes(5)));

    [Fact]
    public void NewSecret_IsAValidSecretOf32RandomBytes()
    {
        var secret = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        Assert.True(WebhookSignature.IsValidSecret(secret));
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void IsValidSecret_NotOurFormat_IsFalse(string? secret) => Assert.False(WebhookSignature.IsValidSecret(secret));
}
