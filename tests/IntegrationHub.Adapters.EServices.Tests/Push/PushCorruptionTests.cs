using IntegrationHub.Adapters.EServices.Push;
using IntegrationHub.Adapters.EServices.Tests.Push.Support;

namespace IntegrationHub.Adapters.EServices.Tests.Push;

/// <summary>
/// Property-style: hundreds of damaged variants of each sample, correctly signed, never make the handler throw or store
/// half a submission. Each gives a typed refusal (nothing stored) or events the schema accepts with every file stored.
/// </summary>
public sealed class PushCorruptionTests
{
    private static readonly PushFailureKind[] ContentRefusals = [PushFailureKind.Malformed, PushFailureKind.Unprocessable];

    [Theory]
    [InlineData("artvise/submission.json", false, 20260302)]
    [InlineData("selfpoint/submission.xml", true, 20260304)]
    public async Task CorruptedSubmissions_AreRefusedCleanlyOrMappedToValidEvents(string sample, bool xml, int seed)
    {
        var fixture = new PushFixture();
        var outcomes = new Dictionary<string, int>();
        var index = 0;
        foreach (var (kind, body) in Corruptions.Of(PushSamples.Bytes(sample), xml, seed, count: 400))
        {
            var what = $"variant {index++} ({kind}, seed {seed})";
            var putsBefore = fixture.Store.Puts;
            PushSubmissionResult result;
            try
            {
                result = xml ? await fixture.Selfpoint(body) : await fixture.Artvise(body);
            }
            catch (Exception e)
            {
                Assert.Fail($"{what} threw {e}");
                throw;
            }

            if (result.Succeeded)
            {
                Assert.All(result.Events, PushSchemaAssert.Valid);
                var attachments = result.Events[1].Data.Document!.Attachments!;
                Assert.Equal(putsBefore + attachments.Count, fixture.Store.Puts);
                Assert.All(attachments, a => Assert.True(fixture.Store.Contents.ContainsKey(a.Sha256), what));
            }
            else
            {
                Assert.True(ContentRefusals.Contains(result.Failure.Kind), $"{what}: {result.Failure}");
                Assert.NotEmpty(result.Failure.Problems);
                Assert.Equal(putsBefore, fixture.Store.Puts);
            }

            var key = result.Succeeded ? "accepted" : result.Failure.Kind.ToString();
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        // The corruptions reach every stage: some break the syntax, some a field, some are harmless.
        Assert.True(outcomes.Count == 3, string.Join(", ", outcomes));
    }

    [Fact]
    public async Task ACorruptedBodyUnderTheOriginalSignature_IsAlways401()
    {
        var fixture = new PushFixture();
        var sample = PushSamples.Bytes("artvise/submission.json");
        var headers = PushSamples.ArtviseHeaders(sample, PushFixture.Now);

        foreach (var (_, body) in Corruptions.Of(sample, xml: false, seed: 7, count: 100).Where(c => !c.Body.AsSpan().SequenceEqual(sample)))
        {
            var result = await fixture.Push("artvise", body, "application/json", headers);
            Assert.Equal(PushFailureKind.Unauthorized, result.Failure!.Kind);
        }

        Assert.Equal(0, fixture.Store.Puts);
    }
}
