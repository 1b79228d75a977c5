using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.EServices;

/// <summary>
/// <c>POST /api/v1/adapters/eservices/{instance}/submissions</c> on the real hub, configured from the shipped sample
/// (Artvise style: flat JSON signed with HMAC over the timestamp and the body).
/// </summary>
public sealed class PushSubmissionApiTests : IDisposable
{
    private readonly MunicipalHubFactory _hub = new();
    private readonly HttpClient _client;

    public PushSubmissionApiTests()
    {
        ArtvisePush.Configure(_hub.Settings);
        _client = _hub.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _hub.Dispose();
    }

    private static byte[] Sample(string name) => ArtvisePush.Sample(name);

    [Fact]
    public async Task ASignedSubmission_IsRegisteredAsACaseWithTheSubmissionAsADocument_AndARepushIsADuplicate()
    {
        var body = Sample("submission.json");

        using var first = await PushAsync(body, sign: true);
        using var again = await PushAsync(body, sign: true);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var accepted = (await first.Json()).GetProperty("accepted").EnumerateArray().ToList();
        Assert.Equal(2, accepted.Count);
        Assert.All(accepted, a => Assert.False(a.GetProperty("duplicate").GetBoolean()));
        Assert.All((await again.Json()).GetProperty("accepted").EnumerateArray(), a => Assert.True(a.GetProperty("duplicate").GetBoolean()));
        var feed = await Eventually.Get(async () =>
        {
            var page = await (await _client.GetAsync("/api/v1/events?after=0&limit=10")).Json();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            return items.Count == 2 && items.All(i => i.TryGetProperty("caseId", out _)) ? page : (JsonElement?)null;
        }, "both events on their case");
        var events = feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("event")).ToList();
        Assert.Equal(["se.sambruk.case.opened", "se.sambruk.case.document-registered"], events.Select(e => e.GetProperty("type").GetString()));
        var document = events[1].GetProperty("data").GetProperty("document");
        Assert.Equal("inkommen", document.GetProperty("direction").GetString());
        var original = document.GetProperty("attachments")[0];
        var stored = await _client.GetByteArrayAsync(original.GetProperty("reference").GetString());
        Assert.Equal(body, stored);
    }

    [Fact]
    public async Task AWrongSignature_Is401WithoutAReason_AndStoresNothing()
    {
        using var response = await PushAsync(Sample("submission.json"), sign: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await (await _client.GetAsync("/api/v1/events?after=0&limit=10")).Json()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ASubmissionBreakingTheMapping_Is422NamingTheFieldThePathAndTheRule()
    {
        using var response = await PushAsync(Sample("submission-bad-personnummer.json"), sign: true);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        var error = Assert.Single((await response.Json()).GetProperty("errors").EnumerateArray());
        Assert.Equal("ApplicantPersonnummer", error.GetProperty("pointer").GetString());
        Assert.Equal("$.personnummer", error.GetProperty("path").GetString());
        Assert.Equal("luhn", error.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task AnUnknownInstance_Is404()
    {
        using var response = await _client.PostAsync("/api/v1/adapters/eservices/okand/submissions", new ByteArrayContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("okand", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PushAsync(byte[] body, bool sign) => ArtvisePush.PushAsync(_client, _hub.Clock, body, sign);
}
