using System.Globalization;
using System.Text.Json;
using System.Xml.XPath;

namespace IntegrationHub.Adapters.EServices.Push.Reading;

/// <summary>One value a path selected: its kind, its text, and the node itself for paths relative to it (attachments).</summary>
internal sealed record PayloadValue(PayloadKind Kind, string? Text, JsonElement Json = default, XPathNavigator? Xml = null)
{
    public static PayloadValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new(PayloadKind.Text, element.GetString(), element),
        JsonValueKind.Number => new(PayloadKind.Text, element.GetRawText(), element),
        JsonValueKind.True or JsonValueKind.False => new(PayloadKind.Boolean, element.GetRawText(), element),
        JsonValueKind.Object or JsonValueKind.Array => new(PayloadKind.Structure, null, element),
        _ => new(PayloadKind.Null, null, element),
    };

    public static PayloadValue FromXml(XPathNavigator node)
    {
        var structured = node.NodeType == XPathNodeType.Root
            || (node.NodeType == XPathNodeType.Element && node.SelectChildren(XPathNodeType.Element).Count > 0);
        return structured ? new(PayloadKind.Structure, null, Xml: node) : new(PayloadKind.Text, node.Value, Xml: node);
    }

    /// <summary>An XPath result that is not a node set: concat(…) gives a string, count(…) a number, boolean(…) a boolean.</summary>
    public static PayloadValue FromXPathResult(object? result) => result switch
    {
        string text => new(PayloadKind.Text, text),
        double number when double.IsNaN(number) || double.IsInfinity(number) => new(PayloadKind.Null, null),
        double number => new(PayloadKind.Text, number.ToString(CultureInfo.InvariantCulture)),
        bool flag => new(PayloadKind.Boolean, flag ? "true" : "false"),
        _ => new(PayloadKind.Null, null),
    };
}
