using System.Text.Json.Serialization;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Inbound;

/// <summary>
/// Where one family's reading stands: the from-date of the next getinstances, and the instances already emitted that
/// were submitted on that day. The platform filters by day only, so the boundary day is read again and this set keeps
/// it from being emitted twice.
/// </summary>
internal sealed record FamilyPosition(
    [property: JsonPropertyName("from")] DateOnly From,
    [property: JsonPropertyName("seen")] IReadOnlyList<int> Seen)
{
    /// <summary>The position after emitting <paramref name="emitted"/> (id and submission day), oldest first.</summary>
    public FamilyPosition After(IReadOnlyList<(int Id, DateOnly Day)> emitted)
    {
        if (emitted.Count == 0)
        {
            return this;
        }

        var last = emitted.Max(e => e.Day);
        if (last <= From)
        {
            return this with { Seen = [.. Seen.Union(emitted.Select(e => e.Id)).Order()] };
        }

        return new FamilyPosition(last, [.. emitted.Where(e => e.Day == last).Select(e => e.Id).Distinct().Order()]);
    }

    public bool Equals(FamilyPosition? other) => other is not null && From == other.From && Seen.SequenceEqual(other.Seen);

    public override int GetHashCode() => HashCode.Combine(From, Seen.Count);
}
