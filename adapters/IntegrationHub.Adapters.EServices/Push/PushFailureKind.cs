namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>Why a push was refused; the value is the HTTP status the host answers with.</summary>
public enum PushFailureKind
{
    /// <summary>400: the body is not well-formed JSON or XML (the problem has the line and position).</summary>
    Malformed = 400,
    /// <summary>401: the signature or API key is missing or wrong, or the timestamp is stale; nothing more is said.</summary>
    Unauthorized = 401,
    /// <summary>404: no enabled instance by that name.</summary>
    UnknownInstance = 404,
    /// <summary>413: the body is larger than <see cref="PushSubmissionOptions.MaxBodyBytes"/>.</summary>
    TooLarge = 413,
    /// <summary>415: the content type is not the instance's <see cref="PushSubmissionOptions.Format"/>.</summary>
    UnsupportedMediaType = 415,
    /// <summary>422: a mapped field is missing or invalid (the problems name the field, the configured path and the rule).</summary>
    Unprocessable = 422,
}
