namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>Bilaga</c>: a file of the delivery.</summary>
public sealed record FgsAttachment
{
    /// <summary>Where the element is.</summary>
    public required FgsLocation Location { get; init; }
    /// <summary>@Namn.</summary>
    public required string Name { get; init; }
    /// <summary>@Lank: the file, normally a path relative to the delivery's XML file.</summary>
    public required string Link { get; init; }
    /// <summary>@Beskrivning.</summary>
    public string? Description { get; init; }
    /// <summary>@Storlek in bytes.</summary>
    public long? Size { get; init; }
    /// <summary>@Mimetyp.</summary>
    public string? MediaType { get; init; }
    /// <summary>@Checksumma.</summary>
    public string? Checksum { get; init; }
    /// <summary>@ChecksummaMetod, e.g. SHA-256.</summary>
    public string? ChecksumMethod { get; init; }
}
