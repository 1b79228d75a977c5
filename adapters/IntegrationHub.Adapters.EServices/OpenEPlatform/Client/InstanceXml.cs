using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>An instance's XML export: the bytes as sent (kept as an attachment) and the parsed document.</summary>
internal sealed record InstanceXml(byte[] Bytes, XDocument Document);
