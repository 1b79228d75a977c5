using System.Globalization;
using System.Security;
using System.Text;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.TestKit;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Simulation;

/// <summary>
/// The contract's far side: a simulated Future whose GetErrandsForCustomer lists the errands added so far (each with
/// one activity), or answers 503 while failed.
/// </summary>
internal sealed class FutureErrandsHarness : ISourceHarness
{
    private readonly FutureSimulator _future = new();
    private readonly List<(int Id, DateTime ReceivedAt)> _errands = [];
    private readonly Lock _lock = new();
    private bool _failed;

    public FutureErrandsHarness()
    {
        _future.Dynamic(FutureSimulator.Action("IGetErrandsForCustomer", "GetErrandsForCustomer"), () => _failed ? (503, string.Empty) : (200, Envelope()));
        var options = _future.Options(o =>
        {
            o.Resilience.MaxRetries = 0;
            o.BatchSize = 2;
        });
        Source = new EdpFutureSource("contract", options, FutureSimulator.Client(options), TimeProvider.System);
    }

    public ICaseEventSource Source { get; }

    public Task AddItemsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                var n = _errands.Count;
                _errands.Add((880000 + n, new DateTime(2026, 3, 1, 8, 0, 0).AddHours(n)));
            }
        }

        return Task.CompletedTask;
    }

    public void Fail() => _failed = true;

    public void Recover() => _failed = false;

    public ValueTask DisposeAsync()
    {
        _future.Dispose();
        return ValueTask.CompletedTask;
    }

    private string Envelope()
    {
        var errands = new StringBuilder();
        lock (_lock)
        {
            foreach (var (id, received) in _errands)
            {
                var at = received.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
                var activity = received.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
                errands.Append(CultureInfo.InvariantCulture, $"""
                    <b:Errand><b:_Activities><b:ErrandActivity><b:_ActivityDate>{activity}</b:_ActivityDate><b:_CarryOutBeforeDate i:nil="true"/><b:_Text>{SecurityElement.Escape("Ärendet har tagits emot av kundservice.")}</b:_Text></b:ErrandActivity></b:_Activities>
                    <b:_ApplicationId>0</b:_ApplicationId><b:_BuildingId>9990377</b:_BuildingId><b:_Description>Klagomål på sophämtning</b:_Description><b:_Id>{id}</b:_Id>
                    <b:_ReceivedAt>{at}</b:_ReceivedAt><b:_Regarding>Ej tömt kärl</b:_Regarding><b:_ServiceId>134774</b:_ServiceId><b:_Status>Registrerat</b:_Status><b:_Type>Klagomål</b:_Type></b:Errand>
                    """);
            }
        }

        return $"""
            <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><GetErrandsForCustomerResponse xmlns="http://tempuri.org/">
            <GetErrandsForCustomerResult xmlns:a="http://schemas.datacontract.org/2004/07/Future.Remoting.Web" xmlns:b="http://schemas.datacontract.org/2004/07/Future.Remoting.Web.Model" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
            <a:_errorMessage i:nil="true"/><a:_resultValue>{errands}</a:_resultValue><a:_succeeded>true</a:_succeeded>
            </GetErrandsForCustomerResult></GetErrandsForCustomerResponse></s:Body></s:Envelope>
            """;
    }
}
