using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>SOAP 1.1 document/literal bodies for the callback service (callback.wsdl: every element qualified).</summary>
internal static class SoapEnvelope
{
    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Callback = OpenEPlatformKeys.CallbackNamespace;

    public static XElement Element(string name, params object?[] content) => new(Callback + name, content);

    public static byte[] Write(XElement operation)
    {
        var envelope = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Soap + "Envelope", new XAttribute(XNamespace.Xmlns + "soapenv", Soap), new XAttribute(XNamespace.Xmlns + "cb", Callback),
                new XElement(Soap + "Body", operation)));
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            envelope.Save(writer);
        }

        return stream.ToArray();
    }

    public static string DateTime(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The body's first element (the response, or a Fault).</summary>
    public static XElement? BodyContent(XDocument document) =>
        document.Root?.Element(Soap + "Body")?.Elements().FirstOrDefault();

    /// <summary>The fault's detail element name (e.g. FlowInstanceNotFoundFault), or its faultcode when it has no detail.</summary>
    public static string FaultName(XElement fault) =>
        fault.Element("detail")?.Elements().FirstOrDefault()?.Name.LocalName
        ?? fault.Element("faultcode")?.Value.Trim()
        ?? "Fault";
}
