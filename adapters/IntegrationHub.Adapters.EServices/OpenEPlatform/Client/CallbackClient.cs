using System.Globalization;
using System.Net.Http.Headers;
using System.Xml;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>
/// The SOAP callback service (<c>/api/callback</c>, callback.wsdl): setStatus, addMessage and confirmDelivery for a flow
/// instance. A SOAP fault is permanent (the instance, the status or the access is missing and stays missing); no
/// answer, a 5xx without a fault, 408 and 429 are transient.
/// </summary>
internal sealed class CallbackClient(OpenEPlatformHttp http)
{
    /// <summary>Sets the instance's status by its name (statusAlias); answers the platform's event id.</summary>
    public async Task<string?> SetStatusAsync(int flowInstanceId, string statusAlias, CancellationToken cancellationToken)
    {
        var body = SoapEnvelope.Element("setStatus",
            SoapEnvelope.Element("flowInstanceID", Id(flowInstanceId)),
            SoapEnvelope.Element("statusAlias", statusAlias));
        var response = await CallAsync($"set the status of flow instance {Id(flowInstanceId)} to '{statusAlias}'", body, "setStatusResponse", idempotent: true, cancellationToken);
        return response.Element(SoapEnvelope.Callback + "eventID")?.Value.Trim();
    }

    /// <summary>Adds a message the citizen sees on the errand; answers the platform's message id.</summary>
    public async Task<string?> AddMessageAsync(int flowInstanceId, string message, string userId, DateTimeOffset added, CancellationToken cancellationToken)
    {
        var body = SoapEnvelope.Element("addMessage",
            SoapEnvelope.Element("flowInstanceID", Id(flowInstanceId)),
            SoapEnvelope.Element("message",
                SoapEnvelope.Element("added", SoapEnvelope.DateTime(added)),
                SoapEnvelope.Element("message", message),
                SoapEnvelope.Element("userID", userId),
                SoapEnvelope.Element("readReceiptEnabled", "false")));
        var response = await CallAsync($"add a message to flow instance {Id(flowInstanceId)}", body, "addMessageResponse", idempotent: false, cancellationToken);
        return response.Element(SoapEnvelope.Callback + "messageID")?.Value.Trim();
    }

    /// <summary>Confirms the instance was delivered, registering the hub case id as its external id.</summary>
    public async Task ConfirmDeliveryAsync(int flowInstanceId, string externalId, string externalSystem, string? logMessage, CancellationToken cancellationToken)
    {
        var body = SoapEnvelope.Element("confirmDelivery",
            SoapEnvelope.Element("flowInstanceID", Id(flowInstanceId)),
            SoapEnvelope.Element("externalID", SoapEnvelope.Element("ID", externalId), SoapEnvelope.Element("System", externalSystem)),
            SoapEnvelope.Element("delivered", "true"),
            logMessage is null ? null : SoapEnvelope.Element("logMessage", logMessage));
        await CallAsync($"confirm the delivery of flow instance {Id(flowInstanceId)}", body, "confirmDeliveryResponse", idempotent: true, cancellationToken);
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<XElement> CallAsync(string operation, XElement body, string responseName, bool idempotent, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(SoapEnvelope.Write(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/xml") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(http.Options.Callback.Path.TrimStart('/'), UriKind.Relative)) { Content = content };
        // JAX-WS dispatches on the body element; the WSDL binds no SOAPAction.
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"\"");
        request.Options.Set(RequestKinds.NotIdempotent, !idempotent);
        var answer = await http.SendAsync(operation, request, cancellationToken);

        var envelope = TryParse(answer);
        var first = envelope is null ? null : SoapEnvelope.BodyContent(envelope);
        if (first is { Name.LocalName: "Fault" })
        {
            throw Fault(operation, SoapEnvelope.FaultName(first), (int)answer.Status);
        }

        if (!answer.IsSuccess)
        {
            throw http.FromStatus(operation, answer);
        }

        if (first is null || first.Name.LocalName != responseName)
        {
            throw new OpenEPlatformException(
                $"Open ePlatform answered the request to {operation} without a {responseName}: check {http.At}:Callback:Path ({http.Options.Callback.Path}).", (int)answer.Status, false);
        }

        return first;
    }

    private static XDocument? TryParse(HttpAnswer answer)
    {
        if (answer.Body.Length == 0 || answer.MediaType?.Contains("xml", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            return XmlText.Parse(answer.Body, answer.Charset);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private OpenEPlatformException Fault(string operation, string fault, int status)
    {
        var user = http.Options.Username;
        var message = fault switch
        {
            "FlowInstanceNotFoundFault" =>
                $"Open ePlatform could not {operation}: the flow instance does not exist there (FlowInstanceNotFound). It was deleted, or the case belongs to another installation than {http.At}:BaseUrl.",
            "AccessDeniedFault" =>
                $"Open ePlatform could not {operation}: user '{user}' may not use the callback for this flow (AccessDenied). Give the integration user access to the flow family in Open ePlatform.",
            "StatusNotFoundFault" =>
                $"Open ePlatform could not {operation}: the flow has no status by that name (StatusNotFound). Name one of the flow's statuses in {http.At}:StatusMapping.",
            _ => $"Open ePlatform could not {operation}: it answered with the SOAP fault {fault}.",
        };
        return new OpenEPlatformException(message, status, false, fault);
    }
}
