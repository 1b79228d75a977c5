using System.Globalization;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>
/// Reads getinstances (<c>FlowInstances/FlowInstance</c>). The submission time is taken from the milliseconds field
/// when present (exact, no time zone), else from the local "yyyy-MM-dd HH:mm" text; firstSubmitted before added.
/// </summary>
internal static class InstanceListReader
{
    public static IReadOnlyList<InstanceSummary> Read(XDocument document)
    {
        var root = document.Root;
        if (root is null || root.Name.LocalName != "FlowInstances")
        {
            throw new OpenEPlatformException($"Open ePlatform answered getinstances with <{root?.Name.LocalName}> instead of <FlowInstances>.", 200, false);
        }

        var instances = new List<InstanceSummary>();
        foreach (var element in root.Elements().Where(e => e.Name.LocalName == "FlowInstance"))
        {
            var idText = Child(element, "flowInstanceID");
            if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                throw new OpenEPlatformException("Open ePlatform listed a flow instance without a numeric flowInstanceID.", 200, false);
            }

            var submitted = Millis(Child(element, "firstSubmittedInMilliseconds")) ?? SwedishTime.Parse(Child(element, "firstSubmitted"))
                ?? Millis(Child(element, "addedInMilliseconds")) ?? SwedishTime.Parse(Child(element, "added"))
                ?? throw new OpenEPlatformException($"Open ePlatform listed flow instance {id.ToString(CultureInfo.InvariantCulture)} without a readable firstSubmitted or added date.", 200, false);
            instances.Add(new InstanceSummary(id, submitted));
        }

        return instances;
    }

    private static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    private static DateTimeOffset? Millis(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
