namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>How a pushing platform proves who it is.</summary>
public enum PushAuthentication
{
    /// <summary>An HMAC-SHA256 of the raw body (and timestamp) with the shared secret, in <see cref="PushSubmissionOptions.SignatureHeader"/>.</summary>
    Hmac,
    /// <summary>The key in <see cref="PushSubmissionOptions.ApiKeyHeader"/>.</summary>
    ApiKey,
}
