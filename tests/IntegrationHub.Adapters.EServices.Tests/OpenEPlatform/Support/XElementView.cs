using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;

/// <summary>A callback call as the simulator received it: its operation and values by path ("externalID/ID").</summary>
internal sealed class XElementView(XElement operation)
{
    public string Operation => operation.Name.LocalName;

    public string? this[string path]
    {
        get
        {
            XElement? current = operation;
            foreach (var name in path.Split('/'))
            {
                current = current?.Element(OpenEPlatformSimulator.Callback + name);
            }

            return current?.Value;
        }
    }
}
