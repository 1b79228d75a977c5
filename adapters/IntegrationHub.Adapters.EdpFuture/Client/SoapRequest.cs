using System.Globalization;
using System.Text;
using System.Xml;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>
/// Writes a SOAP 1.1 request as WCF's DataContractSerializer expects it: the operation element and its parameters in
/// http://tempuri.org/, members of DataContract types in Future.Remoting.Web.Model with the underscore names, in the
/// WSDL's order (WCF reads members in order and silently drops one that comes late), nulls as i:nil.
/// </summary>
internal sealed class SoapRequest
{
    private const string ModelPrefix = "a";
    private const string InstancePrefix = "i";
    private readonly XmlWriter _writer;
    private readonly TimeZoneInfo _zone;

    private SoapRequest(XmlWriter writer, TimeZoneInfo zone)
    {
        _writer = writer;
        _zone = zone;
    }

    /// <summary>The UTF-8 bytes of the envelope for <paramref name="operation"/>.</summary>
    public static byte[] Build(FutureOperation operation, TimeZoneInfo zone, Action<SoapRequest> parameters)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, OmitXmlDeclaration = true };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartElement("s", "Envelope", FutureNamespaces.Soap.NamespaceName);
            writer.WriteStartElement("s", "Body", FutureNamespaces.Soap.NamespaceName);
            writer.WriteStartElement(operation.Name, FutureNamespaces.Service.NamespaceName);
            writer.WriteAttributeString("xmlns", ModelPrefix, null, FutureNamespaces.Model.NamespaceName);
            writer.WriteAttributeString("xmlns", InstancePrefix, null, FutureNamespaces.Instance.NamespaceName);
            parameters(new SoapRequest(writer, zone));
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>An operation parameter (in http://tempuri.org/).</summary>
    public SoapRequest Parameter(string name, string? value) => Write(FutureNamespaces.Service.NamespaceName, null, name, value);

    /// <summary>An integer operation parameter.</summary>
    public SoapRequest Parameter(string name, int? value) => Parameter(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean operation parameter.</summary>
    public SoapRequest Parameter(string name, bool value) => Parameter(name, XmlConvert.ToString(value));

    /// <summary>A date-time operation parameter, written as Future's local time without offset.</summary>
    public SoapRequest Parameter(string name, DateTimeOffset value) => Parameter(name, Local(value));

    /// <summary>A DataContract-typed operation parameter; null writes i:nil.</summary>
    public SoapRequest Parameter<T>(string name, T? value, Action<SoapRequest, T> members) where T : class
    {
        _writer.WriteStartElement(name, FutureNamespaces.Service.NamespaceName);
        if (value is null)
        {
            Nil();
        }
        else
        {
            members(this, value);
        }

        _writer.WriteEndElement();
        return this;
    }

    /// <summary>A DataContract member (in Future.Remoting.Web.Model).</summary>
    public SoapRequest Member(string name, string? value) => Write(FutureNamespaces.Model.NamespaceName, ModelPrefix, name, value);

    /// <summary>An integer member.</summary>
    public SoapRequest Member(string name, int value) => Member(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A boolean member.</summary>
    public SoapRequest Member(string name, bool value) => Member(name, XmlConvert.ToString(value));

    /// <summary>A decimal member.</summary>
    public SoapRequest Member(string name, decimal value) => Member(name, XmlConvert.ToString(value));

    /// <summary>A double member.</summary>
    public SoapRequest Member(string name, double value) => Member(name, XmlConvert.ToString(value));

    /// <summary>A base64 member.</summary>
    public SoapRequest Member(string name, ReadOnlyMemory<byte> value) => Member(name, Convert.ToBase64String(value.Span));

    /// <summary>A nested DataContract member; null writes i:nil.</summary>
    public SoapRequest Member<T>(string name, T? value, Action<SoapRequest, T> members) where T : class
    {
        _writer.WriteStartElement(ModelPrefix, name, FutureNamespaces.Model.NamespaceName);
        if (value is null)
        {
            Nil();
        }
        else
        {
            members(this, value);
        }

        _writer.WriteEndElement();
        return this;
    }

    /// <summary>The items of a list (ArrayOfX): one X element per item, in the model namespace.</summary>
    public SoapRequest Items<T>(string itemName, IEnumerable<T> items, Action<SoapRequest, T> members) where T : class
    {
        foreach (var item in items)
        {
            Member(itemName, item, members);
        }

        return this;
    }

    private SoapRequest Write(string ns, string? prefix, string name, string? value)
    {
        _writer.WriteStartElement(prefix, name, ns);
        if (value is null)
        {
            Nil();
        }
        else
        {
            _writer.WriteString(value);
        }

        _writer.WriteEndElement();
        return this;
    }

    private void Nil() => _writer.WriteAttributeString(InstancePrefix, "nil", FutureNamespaces.Instance.NamespaceName, "true");

    // Future reads xs:dateTime without offset as its own local time, so send the wall-clock time in its zone.
    private string Local(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, _zone).DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
