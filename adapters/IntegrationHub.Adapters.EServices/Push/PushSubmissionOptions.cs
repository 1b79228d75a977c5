namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>
/// One e-service platform that pushes form submissions to the hub: <c>Adapters:EServicesPush:{instance}</c>, e.g.
/// <c>Adapters:EServicesPush:artvise-sundsvall</c>. The platform posts to
/// <c>/api/v1/adapters/eservices/{instance}/submissions</c>; the shared secret (HMAC) or API key comes from an
/// environment variable or a file, never from committed settings.
/// </summary>
public sealed class PushSubmissionOptions
{
    /// <summary>The configuration section holding one entry per pushing platform instance.</summary>
    public const string Section = "Adapters:EServicesPush";

    /// <summary>False to configure an instance that refuses every push (404) until it is switched on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Kommunkod of the municipality whose e-services these are, e.g. 2281.</summary>
    public string? Municipality { get; set; }

    /// <summary>The platform's name as people say it (free text, shown in document types), e.g. "Artvise".</summary>
    public string? Platform { get; set; }

    /// <summary>The hub's sourceSystem key for its cases (lowercase letters, digits, dashes), e.g. <c>artvise</c>.</summary>
    public string? SourceSystem { get; set; }

    /// <summary>How a push proves it comes from the platform: an HMAC signature of the body or an API key.</summary>
    public PushAuthentication Authentication { get; set; } = PushAuthentication.Hmac;

    /// <summary>The HMAC secret or the API key (set it from an environment variable, e.g. <c>Adapters__EServicesPush__artvise__Secret</c>).</summary>
    public string? Secret { get; set; }

    /// <summary>Or: a file holding the secret (e.g. a mounted secret); read on every push, so it can be rotated.</summary>
    public string? SecretFile { get; set; }

    /// <summary>The header carrying the signature (with <see cref="PushAuthentication.Hmac"/>).</summary>
    public string SignatureHeader { get; set; } = "X-Signature";

    /// <summary>What precedes the lowercase or uppercase hex HMAC-SHA256 in the signature header; may be empty.</summary>
    public string SignaturePrefix { get; set; } = "sha256=";

    /// <summary>Optional header with the time of sending (Unix seconds or RFC 3339); when set it is signed too and checked against <see cref="MaxClockSkew"/>.</summary>
    public string? TimestampHeader { get; set; }

    /// <summary>How far the timestamp may be from the hub's clock, either way.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The header carrying the API key (with <see cref="PushAuthentication.ApiKey"/>).</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>The body's format: JSON (mapped with JSONPath) or XML (mapped with XPath).</summary>
    public PushFormat Format { get; set; } = PushFormat.Json;

    /// <summary>The largest body accepted, in bytes; attachments are base64 inside the body.</summary>
    public long MaxBodyBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The case type key of every submission when the mapping has no <c>CaseType</c> or the submission none.</summary>
    public string? CaseType { get; set; }

    /// <summary>The platform's case type values (e.g. form names) → hub case type keys; unlisted values become keys by themselves.</summary>
    public Dictionary<string, string> CaseTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The case title (ärendemening) when the submission has none.</summary>
    public string? DefaultTitle { get; set; }

    /// <summary>Classification of the events: public, internal, confidential or restricted. Submissions hold personal data.</summary>
    public string DataClassification { get; set; } = "confidential";

    /// <summary>The IANA time zone of submission times written without an offset, e.g. "2026-03-02 09:14".</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>Where each canonical field sits in the payload: JSONPath for JSON, XPath for XML.</summary>
    public PushFieldMapping Mapping { get; set; } = new();

    /// <summary>XPath namespace prefixes (prefix → namespace URI) the XML mapping uses.</summary>
    public Dictionary<string, string> Namespaces { get; } = new(StringComparer.Ordinal);
}
