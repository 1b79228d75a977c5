using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EdpFuture.Client;

/// <summary>
/// Reads DataContract XML leniently: a missing member or one marked i:nil reads as null (older Future versions leave
/// out members newer ones send), and a value that does not parse is an error naming the member.
/// </summary>
internal static class DataContractReader
{
    public static bool IsNil(XElement? element) =>
        element is null || string.Equals((string?)element.Attribute(FutureNamespaces.Instance + "nil"), "true", StringComparison.OrdinalIgnoreCase);

    public static XElement? Member(XElement parent, XNamespace ns, string name)
    {
        var element = parent.Element(ns + name);
        return IsNil(element) ? null : element;
    }

    public static string? String(XElement parent, XNamespace ns, string name) => Member(parent, ns, name)?.Value;

    public static int? Int(XElement parent, XNamespace ns, string name) =>
        Parse(parent, ns, name, v => int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public static bool? Bool(XElement parent, XNamespace ns, string name) => Parse(parent, ns, name, XmlConvert.ToBoolean);

    public static decimal? Decimal(XElement parent, XNamespace ns, string name) => Parse(parent, ns, name, XmlConvert.ToDecimal);

    public static double? Double(XElement parent, XNamespace ns, string name) => Parse(parent, ns, name, XmlConvert.ToDouble);

    /// <summary>A date-time; one without offset is Future's local time in <paramref name="zone"/>. DateTime.MinValue (WCF's "none") reads as null.</summary>
    public static DateTimeOffset? DateTime(XElement parent, XNamespace ns, string name, TimeZoneInfo zone)
    {
        var text = String(parent, ns, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return FutureTime.Parse(text.Trim(), zone);
        }
        catch (FormatException e)
        {
            throw new FormatException($"The member {name} is not an xs:dateTime.", e);
        }
    }

    /// <summary>The child elements of a list member (ArrayOfX); empty when missing or nil.</summary>
    public static IEnumerable<XElement> Items(XElement parent, XNamespace ns, string name) =>
        Member(parent, ns, name)?.Elements().Where(e => !IsNil(e)) ?? [];

    private static T? Parse<T>(XElement parent, XNamespace ns, string name, Func<string, T> parse) where T : struct
    {
        var text = String(parent, ns, name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"The member {name} is not a valid {typeof(T).Name}.", e);
        }
    }
}
