using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Platina.Client;
using IntegrationHub.Adapters.Platina.Contract;
using IntegrationHub.Adapters.Platina.Tests.Support;

namespace IntegrationHub.Adapters.Platina.Tests.Client;

/// <summary>Each endpoint of the contract, its authentication and how its errors are typed.</summary>
public sealed class PlatinaClientTests : IDisposable
{
    private readonly PlatinaSimulator _platina = new();
    private readonly CancellationToken _token = CancellationToken.None;

    public PlatinaClientTests() => _platina.LoadSamples();

    [Fact]
    public async Task Events_AreReadAfterTheCursor_WithTheApiKeyInItsHeader()
    {
        var client = TestOptions.Client(TestOptions.For(_platina));

        using var page = await client.GetEventsAsync("000001031", 2, _token);

        var events = page.RootElement.GetProperty("events");
        Assert.Equal(2, events.GetArrayLength());
        Assert.Equal("ev-1032", events[0].GetProperty("id").GetString());
        Assert.Equal("000001040", page.RootElement.GetProperty("next").GetString());
        Assert.Contains(_platina.RequestHeaders, h => h.TryGetValue("X-Api-Key", out var v) && v.Contains(PlatinaSimulator.ApiKey));
    }

    [Fact]
    public async Task Bearer_SendsTheKeyAsAnAuthorizationHeader()
    {
        _platina.ApiKeyHeader = null;
        var options = TestOptions.For(_platina);
        options.Authentication = PlatinaAuthentication.Bearer;

        using var page = await TestOptions.Client(options).GetEventsAsync(null, 1, _token);

        Assert.Equal(1, page.RootElement.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task AnotherHeaderName_IsUsedWhenConfigured()
    {
        _platina.ApiKeyHeader = "X-Platina-Nyckel";
        var options = TestOptions.For(_platina);
        options.ApiKeyHeader = "X-Platina-Nyckel";

        using var page = await TestOptions.Client(options).GetEventsAsync(null, 1, _token);

        Assert.Equal(1, page.RootElement.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task ARefusedKey_IsAPermanentErrorThatNamesTheSetting()
    {
        var options = TestOptions.For(_platina);
        options.ApiKey = "wrong";

        var error = await Assert.ThrowsAsync<PlatinaException>(() => TestOptions.Client(options).GetEventsAsync(null, 10, _token));

        Assert.Equal(401, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.StartsWith("Platina refused the API key (401)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Adapters:Platina:sundsvall:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFile_IsDownloadedAsItsBytes()
    {
        var bytes = await TestOptions.Client(TestOptions.For(_platina)).GetFileAsync("88121", _token);

        Assert.Equal(Samples.SampleFile("88121"), bytes);
    }

    [Fact]
    public async Task AMissingFile_IsA404ThatIsNotRetried()
    {
        var error = await Assert.ThrowsAsync<PlatinaException>(() => TestOptions.Client(TestOptions.For(_platina)).GetFileAsync("99999", _token));

        Assert.Equal(404, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Contains("Platina has no file 99999 (404)", error.Message, StringComparison.Ordinal);
        Assert.Single(_platina.Requests, r => r == "GET /files/99999");
    }

    [Fact]
    public async Task ACase_IsFoundByItsExternalId_AndAnUnknownIdFindsNothing()
    {
        var client = TestOptions.Client(TestOptions.For(_platina));
        var (created, _) = await client.CreateCaseAsync(NewCase("3f7d2c1e-9a4b-4c8d-b6e5-0a1b2c3d4e5f"), _token);

        var found = await client.FindCaseAsync("3f7d2c1e-9a4b-4c8d-b6e5-0a1b2c3d4e5f", _token);
        var missing = await client.FindCaseAsync("00000000-0000-0000-0000-000000000001", _token);

        Assert.Equal(created.Id, found?.Id);
        Assert.Equal("BN 2026/46", found?.Diarienummer);
        Assert.Null(missing);
    }

    [Fact]
    public async Task CreatingACaseTwice_AnswersTheExistingCaseFromThe409()
    {
        var client = TestOptions.Client(TestOptions.For(_platina));

        var (first, firstExisted) = await client.CreateCaseAsync(NewCase("3f7d2c1e-9a4b-4c8d-b6e5-0a1b2c3d4e5f"), _token);
        var (second, secondExisted) = await client.CreateCaseAsync(NewCase("3f7d2c1e-9a4b-4c8d-b6e5-0a1b2c3d4e5f"), _token);

        Assert.False(firstExisted);
        Assert.True(secondExisted);
        Assert.Equal(first, second);
        Assert.Single(_platina.Cases);
    }

    [Fact]
    public async Task AnUnknownCaseType_Is422NamingTheCaseTypeAndWhereToMapIt()
    {
        _platina.KnownCaseTypes = ["Bygglov"];

        var error = await Assert.ThrowsAsync<PlatinaException>(() =>
            TestOptions.Client(TestOptions.For(_platina)).CreateCaseAsync(NewCase("3f7d2c1e-9a4b-4c8d-b6e5-0a1b2c3d4e5f"), _token));

        Assert.Equal(422, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.StartsWith("Case type 'VA-ärende' unknown in Platina (422)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mapping:CaseTypes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_AreAddedOnceAndListedWithTheirExternalIds()
    {
        var client = TestOptions.Client(TestOptions.For(_platina));
        var (platinaCase, _) = await client.CreateCaseAsync(NewCase("3f7d2c1e-9a4b-4c8d-b6e5-0a1b2c3d4e5f"), _token);
        var document = System.Text.Json.JsonSerializer.Deserialize<NewPlatinaDocument>(Samples.Text("new-document.json"), PlatinaJson.Options)!;

        var (added, firstExisted) = await client.AddDocumentAsync(platinaCase.Id!, document, _token);
        var (again, secondExisted) = await client.AddDocumentAsync(platinaCase.Id!, document, _token);
        var listed = await client.GetDocumentsAsync(platinaCase.Id!, _token);

        Assert.False(firstExisted);
        Assert.True(secondExisted);
        Assert.Equal(added.Id, again.Id);
        Assert.Equal(1, added.Lopnummer);
        Assert.Equal("edp-errand-4711-activity-3", Assert.Single(listed).ExternalId);
    }

    [Fact]
    public async Task ADocumentForAnUnknownCase_Is404()
    {
        var document = System.Text.Json.JsonSerializer.Deserialize<NewPlatinaDocument>(Samples.Text("new-document.json"), PlatinaJson.Options)!;

        var error = await Assert.ThrowsAsync<PlatinaException>(() => TestOptions.Client(TestOptions.For(_platina)).AddDocumentAsync("PL-X", document, _token));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("Platina has no case PL-X (404)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSampleBodies_MatchTheTypesTheAdapterSends()
    {
        var newCase = System.Text.Json.JsonSerializer.Deserialize<NewPlatinaCase>(Samples.Text("new-case.json"), PlatinaJson.Options)!;
        var cases = System.Text.Json.JsonSerializer.Deserialize<PlatinaCaseList>(Samples.Text("cases.json"), PlatinaJson.Options)!;
        var documents = System.Text.Json.JsonSerializer.Deserialize<PlatinaDocumentList>(Samples.Text("documents.json"), PlatinaJson.Options)!;
        var problem = JsonNode.Parse(Samples.Text("problem-422.json"))!;

        Assert.Equal("VA-ärende", newCase.CaseType);
        Assert.Equal(2, newCase.Parties.Count);
        Assert.Equal("BN 2026/45", Assert.Single(cases.Cases!).Diarienummer);
        Assert.Equal(3, documents.Documents!.Count);
        Assert.NotNull(problem["errors"]!["caseType"]);
    }

    public void Dispose() => _platina.Dispose();

    internal static NewPlatinaCase NewCase(string externalId) =>
        new(externalId, "Ansökan om VA-anslutning", "VA-ärende", "bmf-kansli", null, [], "internal", null, []);
}
