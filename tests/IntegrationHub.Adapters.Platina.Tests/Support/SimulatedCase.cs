using System.Text.Json.Nodes;

namespace IntegrationHub.Adapters.Platina.Tests.Support;

/// <summary>A case the simulator holds, with the body it was created from.</summary>
internal sealed record SimulatedCase(string Id, string Diarienummer, string ExternalId, string CaseType, JsonObject Body)
{
    public List<SimulatedDocument> Documents { get; } = [];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["diarienummer"] = Diarienummer,
        ["title"] = Body["title"]?.DeepClone(),
        ["caseType"] = CaseType,
        ["status"] = "Öppet",
        ["externalId"] = ExternalId,
    };
}
