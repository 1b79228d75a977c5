using System.Net;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>Turns a reply into the OperationResult's <c>_resultValue</c>, or the typed exception that says why there is none.</summary>
internal static class SoapResult
{
    /// <summary>The <c>_resultValue</c> element (null when Future sent i:nil).</summary>
    public static XElement? Value(FutureOperation operation, SoapReply reply)
    {
        if (reply.Fault is { } fault)
        {
            // SOAP 1.1 puts faultcode and faultstring unqualified.
            throw new EdpFutureFaultException(operation.Name, fault.Element("faultcode")?.Value.Trim(), fault.Element("faultstring")?.Value.Trim());
        }

        if (reply.Status != HttpStatusCode.OK)
        {
            throw new EdpFutureHttpException(operation.Name, reply.Status);
        }

        var body = reply.Body ?? throw new EdpFutureException(operation.Name, $"EDP Future's answer to {operation.Name} is not a SOAP envelope (is BaseUrl the address of the .svc?).");
        var result = body.Element(FutureNamespaces.Service + $"{operation.Name}Response")?.Element(FutureNamespaces.Service + $"{operation.Name}Result")
            ?? throw new EdpFutureException(operation.Name, $"EDP Future's answer to {operation.Name} has no {operation.Name}Result (a different service version?).");
        if (DataContractReader.Bool(result, FutureNamespaces.Web, "_succeeded") != true)
        {
            throw new EdpFutureOperationException(operation.Name, DataContractReader.String(result, FutureNamespaces.Web, "_errorMessage"));
        }

        return DataContractReader.Member(result, FutureNamespaces.Web, "_resultValue");
    }
}
