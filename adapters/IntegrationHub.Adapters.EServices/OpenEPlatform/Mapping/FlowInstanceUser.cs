namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>The poster or an owner of a flow instance. Personal data.</summary>
internal sealed record FlowInstanceUser(string? FirstName, string? LastName, string? Email, string? Phone, string? CitizenIdentifier)
{
    public string? Name => string.Join(' ', new[] { FirstName, LastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;

    /// <summary>Nothing personal.</summary>
    public override string ToString() => "FlowInstanceUser { *** }";
}
