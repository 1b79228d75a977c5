namespace IntegrationHub.Adapters.Platina;

/// <summary>How the adapter proves who it is to Platina.</summary>
public enum PlatinaAuthentication
{
    /// <summary>The key in the header named by <see cref="PlatinaOptions.ApiKeyHeader"/>.</summary>
    ApiKey,
    /// <summary>The key as <c>Authorization: Bearer …</c>.</summary>
    Bearer,
}
