using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.EdpFuture.Source;

/// <summary>
/// The source's checkpoint: Future has no "changed since" query, so the checkpoint is the compact state of what was
/// already emitted per errand, and each poll compares Future's errands with it. Serialized deterministically (sorted),
/// so the same state always gives the same string.
/// </summary>
internal sealed class ErrandCheckpoint
{
    private const int Version = 1;
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly SortedDictionary<int, ErrandState> _errands;

    private ErrandCheckpoint(SortedDictionary<int, ErrandState> errands) => _errands = errands;

    public int Count => _errands.Count;

    /// <summary>
    /// Reads a checkpoint. Null or unreadable is the empty state: every errand is then new again, and since event ids
    /// are deterministic the hub drops what it already has.
    /// </summary>
    public static ErrandCheckpoint Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ErrandCheckpoint([]);
        }

        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(text, Json);
            return stored is { V: Version, E: { } errands } ? new ErrandCheckpoint(new SortedDictionary<int, ErrandState>(errands)) : new ErrandCheckpoint([]);
        }
        catch (JsonException)
        {
            return new ErrandCheckpoint([]);
        }
    }

    public bool TryGet(int errandId, out ErrandState state) => _errands.TryGetValue(errandId, out state!);

    public ErrandCheckpoint Copy() => new(new SortedDictionary<int, ErrandState>(_errands));

    public void Set(int errandId, ErrandState state) => _errands[errandId] = state;

    public string Serialize()
    {
        var sorted = _errands.ToDictionary(e => e.Key, e => e.Value with { Activities = [.. e.Value.Activities.Order(StringComparer.Ordinal)] });
        return JsonSerializer.Serialize(new Stored(Version, new SortedDictionary<int, ErrandState>(sorted)), Json);
    }

    private sealed record Stored(
        [property: JsonPropertyName("v")] int V,
        [property: JsonPropertyName("e")] SortedDictionary<int, ErrandState>? E);
}
