using System.Net;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EdpFuture.Client;
using IntegrationHub.Adapters.EdpFuture.Tests.Simulation;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Client;

/// <summary>What the client makes of failures: one typed exception per cause, retries only for what may pass.</summary>
public sealed class EdpFutureClientErrorTests : IDisposable
{
    private static readonly string Errands = FutureSimulator.Action("IGetErrandsForCustomer", "GetErrandsForCustomer");
    private static readonly CancellationToken Token = CancellationToken.None;

    private readonly FutureSimulator _future = new();

    public void Dispose() => _future.Dispose();

    [Fact]
    public async Task AFailedOperationResult_IsAnOperationException_WithFuturesMessage_AndIsNotRetried()
    {
        _future.Reply(Errands, "GetErrandsForCustomer-failed.xml");

        var e = await Assert.ThrowsAsync<EdpFutureOperationException>(() => FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(999999, Token));

        Assert.Equal("GetErrandsForCustomer", e.Operation);
        Assert.Equal("Kunden finns inte eller saknar behörighet till webbtjänsten.", e.ErrorMessage);
        Assert.Contains("EDP Future refused GetErrandsForCustomer", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
        Assert.Single(_future.Calls(Errands));
    }

    [Fact]
    public async Task ASoapFault_IsAFaultException_WithCodeAndText_AndIsNotRetriedThoughItCameAsHttp500()
    {
        _future.Reply(Errands, "SoapFault.xml", status: 500);

        var e = await Assert.ThrowsAsync<EdpFutureFaultException>(() => FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, Token));

        Assert.Equal("a:InternalServiceFault", e.FaultCode);
        Assert.StartsWith("Servern kunde inte bearbeta begäran", e.FaultString, StringComparison.Ordinal);
        Assert.Single(_future.Calls(Errands));
    }

    [Fact]
    public async Task Http503_IsRetried_AndTheCallSucceedsWhenFutureIsBack()
    {
        _future.Sequence(Errands, (503, "<html>Service Unavailable</html>"), (503, string.Empty), (200, Samples.Read("GetErrandsForCustomer.xml")));

        var errands = await FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, Token);

        Assert.Equal(3, errands.Count);
        Assert.Equal(3, _future.Calls(Errands).Count);
    }

    [Fact]
    public async Task APersistentHttpError_IsAnHttpException_AfterTheConfiguredRetries()
    {
        _future.ReplyBody(Errands, "<html>Bad gateway</html>", status: 502);

        var e = await Assert.ThrowsAsync<EdpFutureHttpException>(() => FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, Token));

        Assert.Equal(HttpStatusCode.BadGateway, e.StatusCode);
        Assert.True(e.IsTransient);
        Assert.Equal(3, _future.Calls(Errands).Count);
    }

    [Fact]
    public async Task Http401_IsNotRetried_AndTheMessageSaysWhatToCheck()
    {
        _future.ReplyBody(Errands, string.Empty, status: 401);

        var e = await Assert.ThrowsAsync<EdpFutureHttpException>(() => FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, Token));

        Assert.Contains("Username and Password", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
        Assert.Single(_future.Calls(Errands));
    }

    [Fact]
    public async Task AnAnswerThatIsNotSoap_IsReportedAsUnreadable()
    {
        _future.ReplyBody(Errands, "<html><body>Inloggning krävs</body></html>");

        var e = await Assert.ThrowsAsync<EdpFutureException>(() => FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, Token));

        Assert.Contains("is not a SOAP envelope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlowAnswer_IsATimeoutException_AfterEveryAttemptTimedOut()
    {
        _future.ReplyBody(Errands, Samples.Read("GetErrandsForCustomer.xml"), delay: TimeSpan.FromSeconds(4));
        var options = _future.Options(o =>
        {
            o.TimeoutSeconds = 1;
            o.Resilience.MaxRetries = 1;
        });

        var e = await Assert.ThrowsAsync<EdpFutureTimeoutException>(() => FutureSimulator.Client(options).GetErrandsForCustomerAsync(100245, Token));

        Assert.True(e.IsTransient);
        Assert.Contains("within 1 seconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimedOutAttempt_IsRetried()
    {
        var calls = 0;
        using var retried = new ManualResetEventSlim();
        _future.Dynamic(Errands, () =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                // The first answer hangs until the client has given up on it and asked again (bounded for safety).
                retried.Wait(TimeSpan.FromSeconds(30));
            }
            else
            {
                retried.Set();
            }

            return (200, Samples.Read("GetErrandsForCustomer.xml"));
        });
        var options = _future.Options(o => o.TimeoutSeconds = 1);

        var errands = await FutureSimulator.Client(options).GetErrandsForCustomerAsync(100245, Token);

        Assert.Equal(3, errands.Count);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ARefusedConnection_IsAConnectionException()
    {
        var options = _future.Options(o => o.Resilience.MaxRetries = 0);
        _future.Server.Stop();

        var e = await Assert.ThrowsAsync<EdpFutureConnectionException>(() => FutureSimulator.Client(options).GetErrandsForCustomerAsync(100245, Token));

        Assert.False(e.CircuitOpen);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheCircuit_WhichTheMonitorShows_AndCallsThenFailFastWithoutReachingFuture()
    {
        _future.ReplyBody(Errands, string.Empty, status: 503);
        var options = _future.Options(o =>
        {
            o.Resilience.MaxRetries = 0;
            o.Resilience.MinimumThroughput = 2;
            o.Resilience.FailureRatio = 0.5;
        });
        var circuit = new CircuitMonitor();
        var client = FutureSimulator.Client(options, circuit);

        await Assert.ThrowsAsync<EdpFutureHttpException>(() => client.GetErrandsForCustomerAsync(100245, Token));
        await Assert.ThrowsAsync<EdpFutureHttpException>(() => client.GetErrandsForCustomerAsync(100245, Token));
        Assert.Equal(CircuitState.Open, circuit.State);
        Assert.NotNull(circuit.OpenedAt);

        var e = await Assert.ThrowsAsync<EdpFutureConnectionException>(() => client.GetErrandsForCustomerAsync(100245, Token));
        Assert.True(e.CircuitOpen);
        Assert.Equal(2, _future.Calls(Errands).Count);
    }

    [Fact]
    public async Task AfterTheBreak_ASuccessfulTrialCall_ClosesTheCircuitAgain()
    {
        _future.Sequence(Errands, (503, string.Empty), (503, string.Empty), (200, Samples.Read("GetErrandsForCustomer.xml")));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-02-20T08:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture));
        var options = _future.Options(o =>
        {
            o.Resilience.MaxRetries = 0;
            o.Resilience.MinimumThroughput = 2;
        });
        var circuit = new CircuitMonitor();
        var client = FutureSimulator.Client(options, circuit, time);
        await Assert.ThrowsAsync<EdpFutureHttpException>(() => client.GetErrandsForCustomerAsync(100245, Token));
        await Assert.ThrowsAsync<EdpFutureHttpException>(() => client.GetErrandsForCustomerAsync(100245, Token));
        Assert.Equal(CircuitState.Open, circuit.State);

        time.Advance(options.Resilience.BreakDuration + TimeSpan.FromSeconds(1));
        var errands = await client.GetErrandsForCustomerAsync(100245, Token);

        Assert.Equal(3, errands.Count);
        Assert.Equal(CircuitState.Closed, circuit.State);
    }

    [Fact]
    public async Task Cancellation_IsNotTurnedIntoAFutureError()
    {
        _future.ReplyBody(Errands, Samples.Read("GetErrandsForCustomer.xml"), delay: TimeSpan.FromSeconds(3));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => FutureSimulator.Client(_future.Options()).GetErrandsForCustomerAsync(100245, cancel.Token));
    }
}
