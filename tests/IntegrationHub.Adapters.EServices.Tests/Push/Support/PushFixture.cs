using IntegrationHub.Adapters.EServices.Push;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Adapters.EServices.Tests.Push.Support;

/// <summary>A handler over both sample instances, a counting store and a clock at 2026-03-04 13:30 in Sundsvall.</summary>
internal sealed class PushFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 30, 0, TimeSpan.Zero);

    public PushFixture(params (string Name, PushSubmissionOptions Options)[] instances) =>
        Handler = PushSamples.Handler(Store, Time, instances);

    public CountingContentStore Store { get; } = new();

    public FakeTimeProvider Time { get; } = new(Now);

    public PushSubmissionHandler Handler { get; }

    public Task<PushSubmissionResult> Artvise(byte[] body, string contentType = "application/json; charset=utf-8") =>
        Handler.HandleAsync("artvise", body, contentType, PushSamples.ArtviseHeaders(body, Time.GetUtcNow()), CancellationToken.None);

    public Task<PushSubmissionResult> Selfpoint(byte[] body, string contentType = "application/xml") =>
        Handler.HandleAsync("selfpoint", body, contentType, PushSamples.SelfpointHeaders(), CancellationToken.None);

    public Task<PushSubmissionResult> Push(string instance, byte[] body, string contentType, Dictionary<string, StringValues> headers) =>
        Handler.HandleAsync(instance, body, contentType, headers, CancellationToken.None);
}
