using System.Text.Json.Nodes;

namespace IntegrationHub.Adapters.Platina.Tests.Support;

/// <summary>A document the simulator holds, with the body it was added from.</summary>
internal sealed record SimulatedDocument(string Id, string ExternalId, int Lopnummer, JsonObject Body)
{
    public JsonObject ToJson() => new() { ["id"] = Id, ["externalId"] = ExternalId, ["lopnummer"] = Lopnummer };
}
