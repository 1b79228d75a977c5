using System.Net;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>One HTTP answer from Future: the status and, when the body was a SOAP envelope, the envelope.</summary>
internal sealed record SoapReply(HttpStatusCode Status, XDocument? Envelope)
{
    public XElement? Body => Envelope?.Root is { } root && root.Name == FutureNamespaces.Soap + "Envelope" ? root.Element(FutureNamespaces.Soap + "Body") : null;

    public XElement? Fault => Body?.Element(FutureNamespaces.Soap + "Fault");

    /// <summary>Worth another attempt: a 5xx/408/429 that is not a SOAP fault (a fault is Future's answer, and the same request gets it again).</summary>
    public bool IsTransientFailure => Fault is null && EdpFutureStatusCodes.IsTransient(Status);
}
