using System.Xml;
using System.Xml.XPath;
using System.Xml.Xsl;

namespace IntegrationHub.Adapters.EServices.Push.Reading;

/// <summary>
/// An XPath 1.0 expression with the instance's namespace prefixes. Node sets give their nodes (an element's text is its
/// string value); string, number and boolean results (<c>concat(p:Fornamn, ' ', p:Efternamn)</c>) give one value.
/// </summary>
internal sealed class XmlPath : FieldPath
{
    private static readonly XPathNavigator Empty = CreateEmpty();

    private readonly XPathExpression _compiled;

    private XmlPath(string expression, XPathExpression compiled)
        : base(expression) => _compiled = compiled;

    public static bool TryParse(string? expression, XmlNamespaceManager namespaces, out XmlPath? path, out string error)
    {
        path = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "is empty";
            return false;
        }

        try
        {
            var compiled = XPathExpression.Compile(expression, namespaces);
            // Evaluating once finds prefixes the Namespaces setting lacks, which compiling alone may not.
            Empty.Evaluate(compiled.Clone());
            path = new XmlPath(expression, compiled);
            return true;
        }
        catch (Exception e) when (e is XPathException or XsltException or ArgumentException)
        {
            error = "is not a valid XPath 1.0 expression with the configured Namespaces prefixes";
            return false;
        }
    }

    private static XPathNavigator CreateEmpty()
    {
        using var reader = XmlReader.Create(new StringReader("<empty/>"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return new XPathDocument(reader).CreateNavigator();
    }

    public override IReadOnlyList<PayloadValue> Select(PayloadValue context)
    {
        if (context.Xml is not { } navigator)
        {
            return [];
        }

        // A compiled expression keeps evaluation state: concurrent pushes each need their own copy.
        var result = navigator.Evaluate(_compiled.Clone());
        if (result is not XPathNodeIterator nodes)
        {
            return [PayloadValue.FromXPathResult(result)];
        }

        var values = new List<PayloadValue>();
        while (nodes.MoveNext())
        {
            values.Add(PayloadValue.FromXml(nodes.Current!.Clone()));
        }

        return values;
    }
}
