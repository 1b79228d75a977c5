namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>FGS <c>PersonOrganisationTyp</c>: a Motpart, Avsandare or Mottagare. Personal data.</summary>
public sealed record FgsPerson
{
    /// <summary>Namn (required by FGS).</summary>
    public required string Name { get; init; }
    /// <summary>Organisation the person belongs to.</summary>
    public string? Organisation { get; init; }
    /// <summary>Postadress.</summary>
    public string? PostalAddress { get; init; }
    /// <summary>Postnummer.</summary>
    public string? PostalCode { get; init; }
    /// <summary>Postort.</summary>
    public string? City { get; init; }
    /// <summary>Land.</summary>
    public string? Country { get; init; }
    /// <summary>IDnummer.</summary>
    public FgsIdNumber? IdNumber { get; init; }
    /// <summary>Telefon (any number of).</summary>
    public IReadOnlyList<string> Phones { get; init; } = [];
    /// <summary>Fax.</summary>
    public string? Fax { get; init; }
    /// <summary>EPost.</summary>
    public string? Email { get; init; }
    /// <summary>SkyddadIdentitet.</summary>
    public bool? ProtectedIdentity { get; init; }

    /// <summary>Nothing personal.</summary>
    public override string ToString() => "FgsPerson { *** }";
}
