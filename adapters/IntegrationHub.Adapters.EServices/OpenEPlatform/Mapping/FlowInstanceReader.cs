using System.Globalization;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>
/// Reads a flow instance export (namespace <c>http://www.oeplatform.org/version/2.0/schemas/flowinstance</c>). Elements
/// are matched by local name without regard to case: versions of the platform differ in both (CitizenIdentifier,
/// citizenIdentifier). CDATA needs nothing special; text is trimmed.
/// </summary>
internal static class FlowInstanceReader
{
    private static readonly HashSet<string> QueryMeta = new(StringComparer.OrdinalIgnoreCase) { "QueryID", "Name", "Value", "File", "files" };

    public static FlowInstance Read(XDocument document, int expectedId)
    {
        var root = document.Root;
        var id = expectedId.ToString(CultureInfo.InvariantCulture);
        if (root is null || root.Name.LocalName != "FlowInstance" || root.Name.NamespaceName != OpenEPlatformKeys.FlowInstanceNamespace)
        {
            throw new OpenEPlatformMappingException(
                $"The XML of flow instance {id} is not a FlowInstance in {OpenEPlatformKeys.FlowInstanceNamespace}; it is read again at the next poll.");
        }

        var header = Child(root, "Header") ?? throw Missing(id, "Header");
        var flow = Child(header, "Flow") ?? throw Missing(id, "Header/Flow");
        var instanceId = Int(Text(header, "FlowInstanceID")) ?? throw Missing(id, "Header/FlowInstanceID");
        if (instanceId != expectedId)
        {
            throw new OpenEPlatformMappingException($"The XML fetched for flow instance {id} is of flow instance {instanceId.ToString(CultureInfo.InvariantCulture)}.");
        }

        var posted = SwedishTime.Parse(Text(header, "Posted"));
        var firstSubmitted = SwedishTime.Parse(Text(header, "FirstSubmitted")) ?? posted ?? throw Missing(id, "Header/FirstSubmitted");
        return new FlowInstance(
            instanceId,
            Int(Text(flow, "FamilyID")) ?? throw Missing(id, "Header/Flow/FamilyID"),
            Text(flow, "Name") ?? throw Missing(id, "Header/Flow/Name"),
            Child(header, "Status") is { } status ? Text(status, "Name") : null,
            Child(header, "Poster") is { } poster ? User(poster) : null,
            [.. header.Elements().Where(e => Is(e, "Owner")).Select(User)],
            posted ?? firstSubmitted,
            firstSubmitted,
            Child(root, "Values") is { } values ? [.. values.Elements().Select(e => Query(e, id))] : []);
    }

    private static FlowInstanceUser User(XElement user) =>
        new(Text(user, "Firstname"), Text(user, "Lastname"), Text(user, "Email"),
            Text(user, "MobilePhone") ?? Text(user, "Phone"),
            Text(user, "CitizenIdentifier") ?? Text(user, "SocialSecurityNumber"));

    private static FlowInstanceQuery Query(XElement element, string id)
    {
        var values = element.Elements().Where(e => Is(e, "Value")).Select(e => e.Value.Trim()).Where(v => v.Length > 0).ToList();
        var children = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in element.Elements().Where(e => !QueryMeta.Contains(e.Name.LocalName)))
        {
            if (!child.HasElements)
            {
                children.TryAdd(child.Name.LocalName, child.Value.Trim());
                continue;
            }

            foreach (var grandchild in child.Elements().Where(g => !g.HasElements))
            {
                children.TryAdd($"{child.Name.LocalName}/{grandchild.Name.LocalName}", grandchild.Value.Trim());
            }
        }

        var files = element.Descendants().Where(e => Is(e, "File") && Child(e, "EncodedData") is not null).Select(f => File(f, id)).ToList();
        return new FlowInstanceQuery(element.Name.LocalName, Text(element, "QueryID"), Text(element, "Name"), values,
            children.Where(c => c.Value.Length > 0).ToDictionary(StringComparer.OrdinalIgnoreCase), files);
    }

    private static FlowInstanceFile File(XElement file, string id)
    {
        var name = Text(file, "Name") ?? Text(file, "ID") ?? "bilaga";
        try
        {
            return new FlowInstanceFile(Text(file, "ID"), name, Convert.FromBase64String(Text(file, "EncodedData") ?? string.Empty));
        }
        catch (FormatException e)
        {
            throw new OpenEPlatformMappingException($"An uploaded file of flow instance {id} is not valid base64; it is read again at the next poll.", e);
        }
    }

    private static bool Is(XElement element, string name) => string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => Is(e, name));

    private static string? Text(XElement parent, string name) =>
        Child(parent, name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static int? Int(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static OpenEPlatformMappingException Missing(string id, string element) =>
        new($"The XML of flow instance {id} has no {element}; it is read again at the next poll.");
}
