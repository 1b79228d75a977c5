using System.Xml.Linq;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>The XML namespaces of Future's WCF service and its DataContract types.</summary>
internal static class FutureNamespaces
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Service = "http://tempuri.org/";
    public static readonly XNamespace Web = "http://schemas.datacontract.org/2004/07/Future.Remoting.Web";
    public static readonly XNamespace Model = "http://schemas.datacontract.org/2004/07/Future.Remoting.Web.Model";
    public static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Arrays = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";
}
