namespace IntegrationHub.Canonical.Model;

/// <summary>
/// A Sambruk case event: the CloudEvents 1.0 envelope attributes plus typed <see cref="CaseEventData"/>.
/// Use <see cref="Serialization.CaseEventFormatter"/> to read and write the JSON form.
/// </summary>
public sealed record CaseEvent
{
    /// <summary>CloudEvents <c>id</c>; unique together with <see cref="Source"/>.</summary>
    public required string Id { get; init; }
    /// <summary>CloudEvents <c>source</c> (URI-reference).</summary>
    public required string Source { get; init; }
    /// <summary>CloudEvents <c>type</c>, one of <see cref="CaseEventTypes"/>.</summary>
    public required string Type { get; init; }
    /// <summary>CloudEvents <c>time</c>.</summary>
    public required DateTimeOffset Time { get; init; }
    /// <summary>CloudEvents <c>subject</c>: the case reference.</summary>
    public string? Subject { get; init; }
    /// <summary>Kommunkod (four digits), extension <c>municipality</c>.</summary>
    public required string Municipality { get; init; }
    /// <summary>Extension <c>dataclassification</c>.</summary>
    public required DataClassification DataClassification { get; init; }
    /// <summary>CloudEvents <c>dataschema</c>.</summary>
    public Uri? DataSchema { get; init; }
    /// <summary>The case-event data.</summary>
    public required CaseEventData Data { get; init; }

    /// <summary>Ids only: the data holds personal data and case details, which must not reach logs.</summary>
    public override string ToString() => $"CaseEvent {{ Type = {Type}, Source = {Source}, Id = {Id}, Municipality = {Municipality} }}";
}
