using IntegrationHub.Adapters.EServices.Tests.Push.Support;

namespace IntegrationHub.Adapters.EServices.Tests.Push;

/// <summary>A platform that pushes the same submission again (after a timeout, say) gets the same events: the hub drops them as duplicates.</summary>
public sealed class PushIdempotencyTests
{
    [Fact]
    public async Task ARepush_GivesTheSameIdsAndTheSameFiles()
    {
        var fixture = new PushFixture();
        var body = PushSamples.Bytes("artvise/submission.json");

        var first = await fixture.Artvise(body);
        fixture.Time.Advance(TimeSpan.FromMinutes(3));
        var second = await fixture.Artvise(body);

        Assert.Equal(first.Events.Select(e => (e.Source, e.Id)), second.Events.Select(e => (e.Source, e.Id)));
        Assert.Equal(first.Events[1].Data.Document!.Attachments, second.Events[1].Data.Document!.Attachments);
        Assert.Equal(3, fixture.Store.Contents.Count);
    }

    [Fact]
    public async Task ARepushWithOtherFormatting_StillHasTheSameIds()
    {
        var fixture = new PushFixture();
        var compact = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(System.Text.Json.JsonDocument.Parse(PushSamples.Bytes("artvise/submission.json")).RootElement);

        var pretty = await fixture.Artvise(PushSamples.Bytes("artvise/submission.json"));
        var again = await fixture.Artvise(compact);

        Assert.Equal(pretty.Events.Select(e => e.Id), again.Events.Select(e => e.Id));
    }

    [Fact]
    public async Task TheSameSubmissionIdOnAnotherInstance_GivesOtherIds()
    {
        var fixture = new PushFixture(("artvise", PushSamples.Options("artvise")), ("artvise-timra", PushSamples.Options("artvise")));
        var body = PushSamples.Bytes("artvise/submission.json");

        var sundsvall = await fixture.Artvise(body);
        var timra = await fixture.Push("artvise-timra", body, "application/json", PushSamples.ArtviseHeaders(body, PushFixture.Now));

        Assert.True(timra.Succeeded);
        Assert.Empty(sundsvall.Events.Select(e => e.Id).Intersect(timra.Events.Select(e => e.Id)));
    }

    [Fact]
    public async Task AVeryLongSubmissionId_IsRefusedRatherThanCut()
    {
        var fixture = new PushFixture();
        var body = System.Text.Encoding.UTF8.GetBytes($$"""{ "submissionId": "{{new string('x', 151)}}", "rubrik": "Test" }""");

        var result = await fixture.Artvise(body);

        Assert.Equal("maxLength", Assert.Single(result.Failure!.Problems).Rule);
    }
}
