using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EdpFuture.Model;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>
/// A typed SOAP 1.1 client for the operations of EDP Future's WCF service (EDPFutureWebAPI.svc) the hub uses. Every
/// call goes through a retry / circuit breaker / timeout pipeline; a result is returned or an
/// <see cref="EdpFutureException"/> subtype says why not. Thread-safe.
/// </summary>
public sealed class EdpFutureClient
{
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private readonly HttpClient _http;
    private readonly Uri _address;
    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan _timeout;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly ResiliencePipeline<SoapReply> _pipeline;

    /// <summary>Creates the client; <paramref name="circuit"/> receives the circuit breaker's state for the health API.</summary>
    public EdpFutureClient(HttpClient httpClient, EdpFutureOptions options, CircuitMonitor circuit, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _address = options.BaseUrl ?? throw new ArgumentException("BaseUrl is required.", nameof(options));
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        _authorization = Authorization(options);
        _pipeline = EdpFutureResiliencePipeline.Create(options, circuit, timeProvider);
    }

    /// <summary>The time zone Future's local times are read in.</summary>
    public TimeZoneInfo TimeZone => _zone;

    /// <summary>The errands of a customer, with their activities (GetErrandsForCustomer).</summary>
    public async Task<IReadOnlyList<Errand>> GetErrandsForCustomerAsync(int customerId, CancellationToken cancellationToken)
    {
        var operation = FutureOperation.GetErrandsForCustomer;
        var value = await CallAsync(operation, r => r.Parameter("customerId", customerId), cancellationToken);
        return Read(operation, () => value?.Elements(FutureNamespaces.Model + "Errand").Where(e => !DataContractReader.IsNil(e)).Select(e => FutureModelReader.Errand(e, _zone)).ToList() ?? []);
    }

    /// <summary>The people allowed to act for a customer (GetAuthorizedUsers); give the identity number, the customer number, or both.</summary>
    public async Task<IReadOnlyList<AuthorizedUser>> GetAuthorizedUsersAsync(string? identityNumber, string? customerId, CancellationToken cancellationToken)
    {
        var operation = FutureOperation.GetAuthorizedUsers;
        var value = await CallAsync(operation, r => r.Parameter("identityNumber", identityNumber).Parameter("customerId", customerId), cancellationToken);
        return Read(operation, () => value?.Elements(FutureNamespaces.Model + "AuthorizedUser").Where(e => !DataContractReader.IsNil(e)).Select(FutureModelReader.AuthorizedUser).ToList() ?? []);
    }

    /// <summary>A customer (GetCustomerById), or null when Future has none with that number.</summary>
    public async Task<FutureCustomer?> GetCustomerByIdAsync(int customerId, CancellationToken cancellationToken)
    {
        var operation = FutureOperation.GetCustomerById;
        var value = await CallAsync(operation, r => r.Parameter("customerId", customerId), cancellationToken);
        return value is null ? null : Read(operation, () => FutureModelReader.Customer(value));
    }

    /// <summary>Submits an order (SubmitOrderTypeApplicationV1_4); returns Future's application id.</summary>
    public async Task<int> SubmitOrderTypeApplicationAsync(OrderTypeApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var operation = FutureOperation.SubmitOrderTypeApplication;
        var value = await CallAsync(operation, r => r
            .Parameter("customerId", application.CustomerId)
            .Parameter("buildingId", application.BuildingId)
            .Parameter("serviceId", application.ServiceId)
            .Parameter("suggestedExecutionDate", application.SuggestedExecutionDate)
            .Parameter("comment", application.Comment)
            .Parameter("orderType", application.OrderType, FutureModelWriter.OrderType)
            .Parameter("parameterForUseDate", application.ParameterForUseDate)
            .Parameter("email", application.Email)
            .Parameter("updateEmail", application.UpdateEmail)
            .Parameter("mobilePhone", application.MobilePhone)
            .Parameter("tenantId", application.TenantId), cancellationToken);
        return ApplicationId(operation, value);
    }

    /// <summary>Submits a complaint (SubmitComplaintApplicationV1_4, the latest version); returns Future's application id.</summary>
    public async Task<int> SubmitComplaintApplicationAsync(ComplaintApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var operation = FutureOperation.SubmitComplaintApplication;
        var value = await CallAsync(operation, r => r
            .Parameter("customerId", application.CustomerId)
            .Parameter("building", application.Building, FutureModelWriter.Building)
            .Parameter("buildingId", application.BuildingId)
            .Parameter("eventDate", application.EventDate)
            .Parameter("comment", application.Comment)
            .Parameter("errandType", application.ErrandType)
            .Parameter("errandRegards", application.ErrandRegards)
            .Parameter("serviceId", application.ServiceId)
            .Parameter("parameterForUseDate", application.ParameterForUseDate)
            .Parameter("time", application.Time)
            .Parameter("email", application.Email)
            .Parameter("updateEmail", application.UpdateEmail)
            .Parameter("mobilePhone", application.MobilePhone)
            .Parameter("images", application.Images, (images, list) => images.Items("BinaryFile", list, FutureModelWriter.Image))
            .Parameter("tenantId", application.TenantId), cancellationToken);
        return ApplicationId(operation, value);
    }

    private static int ApplicationId(FutureOperation operation, XElement? value) =>
        Read(operation, () => value is null ? throw new FormatException("_resultValue is nil.") : int.Parse(value.Value.Trim(), System.Globalization.CultureInfo.InvariantCulture));

    private async Task<XElement?> CallAsync(FutureOperation operation, Action<SoapRequest> parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = SoapRequest.Build(operation, _zone, parameters);
        SoapReply reply;
        try
        {
            reply = await _pipeline.ExecuteAsync(async token => await SendAsync(operation, body, token), cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new EdpFutureConnectionException(operation.Name, circuitOpen: true, e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new EdpFutureTimeoutException(operation.Name, _timeout, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new EdpFutureConnectionException(operation.Name, circuitOpen: false, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout (not ours: the pipeline times attempts) ends a call as a cancellation.
            throw new EdpFutureTimeoutException(operation.Name, _http.Timeout, e);
        }

        return SoapResult.Value(operation, reply);
    }

    private async Task<SoapReply> SendAsync(FutureOperation operation, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        // SOAP 1.1 sends the action as a quoted string, as WCF's own clients do.
        request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{operation.SoapAction}\"");
        request.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new SoapReply(response.StatusCode, Parse(content));
    }

    private static XDocument? Parse(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(content);
            using var reader = XmlReader.Create(stream, ReaderSettings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            // An HTML error page from a proxy or IIS: the status says what happened.
            return null;
        }
    }

    private static T Read<T>(FutureOperation operation, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new EdpFutureException(operation.Name, $"EDP Future's answer to {operation.Name} could not be read: {e.Message}", e);
        }
    }

    private static AuthenticationHeaderValue? Authorization(EdpFutureOptions options)
    {
        if (string.IsNullOrEmpty(options.Username))
        {
            return null;
        }

        var password = !string.IsNullOrEmpty(options.Password) ? options.Password
            : options.PasswordFile is { Length: > 0 } file ? File.ReadAllText(file).Trim()
            : string.Empty;
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{password}")));
    }
}
