using IntegrationHub.Adapters.EServices.Push;
using IntegrationHub.Adapters.EServices.Tests.Push.Support;
using Microsoft.Extensions.Primitives;

namespace IntegrationHub.Adapters.EServices.Tests.Push;

/// <summary>Only the platform holding the secret gets in, and a refused caller learns nothing about why.</summary>
public sealed class PushAuthenticationTests
{
    private static readonly byte[] Artvise = PushSamples.Bytes("artvise/submission.json");

    [Fact]
    public async Task Hmac_RightSignatureAndFreshTimestamp_IsAccepted()
    {
        var fixture = new PushFixture();

        var result = await fixture.Push("artvise", Artvise, "application/json", PushSamples.ArtviseHeaders(Artvise, PushFixture.Now.AddMinutes(-4)));

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Fact]
    public async Task Hmac_UppercaseHexAndHeaderNamesInAnyCase_AreAccepted()
    {
        var fixture = new PushFixture();
        var headers = PushSamples.ArtviseHeaders(Artvise, PushFixture.Now);
        var signature = headers["x-artvise-signature"].ToString();
        var loud = new Dictionary<string, StringValues>
        {
            ["X-ARTVISE-TIMESTAMP"] = headers["X-Artvise-Timestamp"],
            ["X-Artvise-Signature"] = "SHA256=" + signature["sha256=".Length..].ToUpperInvariant(),
        };

        Assert.True((await fixture.Push("artvise", Artvise, "application/json", loud)).Succeeded);
    }

    public static TheoryData<string, Func<Dictionary<string, StringValues>>> BadSignatures => new()
    {
        { "wrong secret", () => PushSamples.ArtviseHeaders(Artvise, PushFixture.Now, secret: "nagon-annans-hemlighet-0000") },
        { "no signature", () => WithoutHeader(PushSamples.ArtviseHeaders(Artvise, PushFixture.Now), "x-artvise-signature") },
        { "no timestamp", () => WithoutHeader(PushSamples.ArtviseHeaders(Artvise, PushFixture.Now), "X-Artvise-Timestamp") },
        { "stale timestamp", () => PushSamples.ArtviseHeaders(Artvise, PushFixture.Now.AddMinutes(-6)) },
        { "timestamp from the future", () => PushSamples.ArtviseHeaders(Artvise, PushFixture.Now.AddMinutes(6)) },
        { "timestamp swapped after signing", () => Swapped(PushSamples.ArtviseHeaders(Artvise, PushFixture.Now.AddMinutes(-30))) },
        { "signature of another body", () => PushSamples.ArtviseHeaders(PushSamples.Bytes("artvise/submission-missing-id.json"), PushFixture.Now) },
        { "not hex", () => new() { ["X-Artvise-Timestamp"] = "1772627400", ["X-Artvise-Signature"] = "sha256=" + new string('z', 64) } },
        { "no prefix", () => new() { ["X-Artvise-Timestamp"] = "1772627400", ["X-Artvise-Signature"] = new string('a', 64) } },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Hmac_BadOrMissingSignature_Is401WithTheSameAnswerAndNothingStored(string why, Func<Dictionary<string, StringValues>> headers)
    {
        var fixture = new PushFixture();

        var result = await fixture.Push("artvise", Artvise, "application/json", headers());

        Assert.False(result.Succeeded, why);
        Assert.Equal(PushFailureKind.Unauthorized, result.Failure.Kind);
        Assert.Equal(401, result.Failure.Status);
        Assert.Equal("The request is not authenticated for this instance.", result.Failure.Detail);
        Assert.Empty(result.Failure.Problems);
        Assert.NotNull(result.Failure.LogReason);
        Assert.Equal(0, fixture.Store.Puts);
    }

    [Fact]
    public async Task Hmac_StaleTimestamp_IsNamedOnlyInTheLogReason()
    {
        var fixture = new PushFixture();

        var result = await fixture.Push("artvise", Artvise, "application/json", PushSamples.ArtviseHeaders(Artvise, PushFixture.Now.AddHours(-1)));

        Assert.StartsWith("stale X-Artvise-Timestamp", result.Failure!.LogReason, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", result.Failure.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hmac_WithoutTimestampHeader_SignsTheBodyAlone()
    {
        var options = PushSamples.Options("artvise");
        options.TimestampHeader = null;
        var fixture = new PushFixture(("artvise", options));
        var headers = new Dictionary<string, StringValues> { ["X-Artvise-Signature"] = PushSamples.Sign(PushSamples.ArtviseSecret, null, Artvise) };

        Assert.True((await fixture.Push("artvise", Artvise, "application/json", headers)).Succeeded);
    }

    [Fact]
    public async Task ApiKey_RightKey_IsAccepted()
    {
        var fixture = new PushFixture();

        var result = await fixture.Push("selfpoint", PushSamples.Bytes("selfpoint/submission.xml"), "text/xml; charset=utf-8", PushSamples.SelfpointHeaders());

        Assert.True(result.Succeeded, result.Failure?.ToString());
    }

    [Theory]
    [InlineData("fel-nyckel")]
    [InlineData("")]
    [InlineData("selfpoint-api-nyckel-for-test-men-langre")]
    public async Task ApiKey_WrongOrEmptyKey_Is401(string key)
    {
        var fixture = new PushFixture();

        var result = await fixture.Push("selfpoint", PushSamples.Bytes("selfpoint/submission.xml"), "application/xml", PushSamples.SelfpointHeaders(key));

        Assert.Equal(PushFailureKind.Unauthorized, result.Failure!.Kind);
        Assert.Equal(0, fixture.Store.Puts);
    }

    [Fact]
    public async Task ApiKey_Missing_Is401()
    {
        var fixture = new PushFixture();

        var result = await fixture.Push("selfpoint", PushSamples.Bytes("selfpoint/submission.xml"), "application/xml", []);

        Assert.Equal(PushFailureKind.Unauthorized, result.Failure!.Kind);
    }

    [Fact]
    public async Task TheSecretFile_IsReadOnEveryPush_SoARotationTakesEffectAtOnce()
    {
        var file = Path.GetTempFileName();
        try
        {
            var options = PushSamples.Options("selfpoint");
            options.Secret = null;
            options.SecretFile = file;
            File.WriteAllText(file, "forsta-nyckeln\n");
            var fixture = new PushFixture(("selfpoint", options));
            var body = PushSamples.Bytes("selfpoint/submission.xml");

            Assert.True((await fixture.Push("selfpoint", body, "application/xml", PushSamples.SelfpointHeaders("forsta-nyckeln"))).Succeeded);
            File.WriteAllText(file, "andra-nyckeln");
            Assert.False((await fixture.Push("selfpoint", body, "application/xml", PushSamples.SelfpointHeaders("forsta-nyckeln"))).Succeeded);
            Assert.True((await fixture.Push("selfpoint", body, "application/xml", PushSamples.SelfpointHeaders("andra-nyckeln"))).Succeeded);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, StringValues> WithoutHeader(Dictionary<string, StringValues> headers, string name)
    {
        headers.Remove(name);
        return headers;
    }

    // A replayed request whose old timestamp is replaced by a fresh one: the signature no longer fits.
    private static Dictionary<string, StringValues> Swapped(Dictionary<string, StringValues> headers)
    {
        headers["X-Artvise-Timestamp"] = PushFixture.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return headers;
    }
}
