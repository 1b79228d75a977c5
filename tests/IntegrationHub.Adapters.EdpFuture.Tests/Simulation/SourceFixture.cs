using System.Globalization;
using System.Text.Json;
using IntegrationHub.Adapters.EdpFuture.Tests.Simulation;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Simulation;

/// <summary>A source over the simulator whose GetErrandsForCustomer answer the test switches between samples.</summary>
internal sealed class SourceFixture : IDisposable
{
    public static readonly string ErrandsAction = FutureSimulator.Action("IGetErrandsForCustomer", "GetErrandsForCustomer");

    private string _file = "GetErrandsForCustomer.xml";
    private Func<string, string> _edit = s => s;
    private int _status = 200;

    public SourceFixture(Action<EdpFutureOptions>? configure = null)
    {
        Future.Dynamic(ErrandsAction, request =>
            FailingCustomer is { } failing && request.Contains($">{failing}</customerId>", StringComparison.Ordinal) ? (200, Samples.Read("GetErrandsForCustomer-failed.xml"))
            : _status == 200 ? (200, _edit(Samples.Read(_file)))
            : (_status, "<html>Service Unavailable</html>"));
        Options = Future.Options(o =>
        {
            o.Resilience.MaxRetries = 0;
            configure?.Invoke(o);
        });
        Source = new EdpFutureSource("sundsvall", Options, FutureSimulator.Client(Options), Time);
    }

    public FutureSimulator Future { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-02-21T09:00:00Z", CultureInfo.InvariantCulture));

    public EdpFutureOptions Options { get; }

    /// <summary>A customer Future refuses (succeeded=false).</summary>
    public int? FailingCustomer { get; set; }

    public EdpFutureSource Source { get; }

    /// <summary>Future answers with this sample from now on, optionally edited.</summary>
    public void Answer(string file, Func<string, string>? edit = null)
    {
        _file = file;
        _edit = edit ?? (s => s);
        _status = 200;
    }

    public void Down(int status = 503) => _status = status;

    public static void AssertValid(CaseEvent caseEvent)
    {
        using var json = JsonDocument.Parse(CaseEventFormatter.EncodeStructured(caseEvent));
        var errors = CaseEventValidator.Default.Validate(json.RootElement);
        Assert.True(errors.Count == 0, $"{caseEvent.Id}: {string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Rule} {e.Message}"))}");
    }

    public void Dispose() => Future.Dispose();
}
