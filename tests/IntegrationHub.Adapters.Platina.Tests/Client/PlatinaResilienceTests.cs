using System.Diagnostics;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Client;
using IntegrationHub.Adapters.Platina.Tests.Support;

namespace IntegrationHub.Adapters.Platina.Tests.Client;

/// <summary>Retries with backoff and Retry-After, the per-attempt timeout's typing, and the circuit breaker.</summary>
public sealed class PlatinaResilienceTests : IDisposable
{
    private readonly PlatinaSimulator _platina = new();
    private readonly CancellationToken _token = CancellationToken.None;

    public PlatinaResilienceTests() => _platina.LoadSamples();

    [Fact]
    public async Task A503_IsRetriedUntilPlatinaAnswers()
    {
        _platina.FailNext(2);

        using var page = await TestOptions.Client(TestOptions.For(_platina)).GetEventsAsync(null, 5, _token);

        Assert.Equal(5, page.RootElement.GetProperty("events").GetArrayLength());
        Assert.Equal(3, _platina.Requests.Count(r => r == "GET /events"));
    }

    [Fact]
    public async Task A503BeyondTheRetries_IsATransientError()
    {
        _platina.FailNext(10);

        var error = await Assert.ThrowsAsync<PlatinaException>(() => TestOptions.Client(TestOptions.For(_platina)).GetEventsAsync(null, 5, _token));

        Assert.True(error.IsTransient);
        Assert.Equal(503, error.StatusCode);
        Assert.Contains("Platina is unavailable (503)", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _platina.Requests.Count);
    }

    [Fact]
    public async Task RetryAfter_IsWaitedFor()
    {
        _platina.RetryAfterSeconds = 1;
        _platina.FailNext(1, 429);
        var watch = Stopwatch.StartNew();

        using var page = await TestOptions.Client(TestOptions.For(_platina)).GetEventsAsync(null, 5, _token);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}");
        Assert.Equal(2, _platina.Requests.Count);
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheLimit_IsHandedToTheCaller()
    {
        _platina.RetryAfterSeconds = 120;
        _platina.FailNext(1, 429);

        var error = await Assert.ThrowsAsync<PlatinaException>(() => TestOptions.Client(TestOptions.For(_platina)).GetEventsAsync(null, 5, _token));

        Assert.True(error.IsTransient);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(_platina.Requests);
    }

    [Fact]
    public async Task AnUnreachablePlatina_IsATransientErrorNamingTheAddress()
    {
        var options = TestOptions.For(_platina);
        options.BaseUrl = new Uri("http://127.0.0.1:1/integration/v1/");

        var error = await Assert.ThrowsAsync<PlatinaException>(() => TestOptions.Client(options).GetEventsAsync(null, 5, _token));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Contains("could not be reached at http://127.0.0.1:1/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheCircuit_ThenCallsFailFastWithoutReachingPlatina()
    {
        var options = TestOptions.For(_platina);
        options.Resilience.MaxRetries = 0;
        options.Resilience.MinimumThroughput = 2;
        options.Resilience.BreakDuration = TimeSpan.FromMinutes(1);
        var circuit = new CircuitMonitor();
        var client = TestOptions.Client(options, circuit);
        _platina.Down = true;

        for (var i = 0; i < 3 && circuit.State != CircuitState.Open; i++)
        {
            await Assert.ThrowsAsync<PlatinaException>(() => client.GetEventsAsync(null, 5, _token));
        }

        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.NotNull(circuit.OpenedAt);
        var reached = _platina.Requests.Count;
        _platina.Down = false;
        var error = await Assert.ThrowsAsync<PlatinaException>(() => client.GetEventsAsync(null, 5, _token));
        Assert.True(error.IsTransient);
        Assert.Contains("circuit is open", error.Message, StringComparison.Ordinal);
        Assert.Equal(reached, _platina.Requests.Count);
    }

    [Fact]
    public async Task ACancelledCall_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestOptions.Client(TestOptions.For(_platina)).GetEventsAsync(null, 5, cancelled.Token));
    }

    public void Dispose() => _platina.Dispose();
}
