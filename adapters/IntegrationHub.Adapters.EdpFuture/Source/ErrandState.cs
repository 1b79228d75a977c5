using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.EdpFuture.Source;

/// <summary>What was already emitted for one errand: its status, how many status changes, and the activities seen.</summary>
/// <param name="Status">Future's status text when last emitted.</param>
/// <param name="StatusChanges">Status-change events emitted so far (makes a return to an earlier status a new event).</param>
/// <param name="Activities">Hashes of the activities emitted (<see cref="ErrandHashes.Activity"/>).</param>
internal sealed record ErrandState(
    [property: JsonPropertyName("s")] string? Status,
    [property: JsonPropertyName("n")] int StatusChanges,
    [property: JsonPropertyName("a")] IReadOnlyList<string> Activities);
