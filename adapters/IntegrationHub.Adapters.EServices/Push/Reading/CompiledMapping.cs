using System.Xml;

namespace IntegrationHub.Adapters.EServices.Push.Reading;

/// <summary>An instance's mapping with every configured path compiled once, at start-up.</summary>
internal sealed class CompiledMapping
{
    private readonly Dictionary<string, FieldPath> _paths;

    private CompiledMapping(Dictionary<string, FieldPath> paths) => _paths = paths;

    /// <summary>The compiled path of a canonical field, or null when the mapping does not set it.</summary>
    public FieldPath? this[string field] => _paths.GetValueOrDefault(field);

    /// <summary>Compiles every set path; each one that does not compile adds a message naming its setting.</summary>
    /// <param name="options">The instance.</param>
    /// <param name="at">The instance's configuration path, e.g. <c>Adapters:EServicesPush:artvise</c>.</param>
    /// <param name="errors">Where the messages go.</param>
    public static CompiledMapping Compile(PushSubmissionOptions options, string at, List<string> errors)
    {
        var namespaces = Namespaces(options, at, errors);
        var paths = new Dictionary<string, FieldPath>(StringComparer.Ordinal);
        foreach (var (field, expression) in options.Mapping.All())
        {
            if (string.IsNullOrWhiteSpace(expression))
            {
                continue;
            }

            var error = string.Empty;
            FieldPath? path = options.Format == PushFormat.Xml
                ? (XmlPath.TryParse(expression, namespaces, out var xml, out error) ? xml : null)
                : (JsonPath.TryParse(expression, out var json, out error) ? json : null);
            if (path is null)
            {
                errors.Add($"{at}:Mapping:{field} {error}: {Example(options.Format, field)}");
            }
            else
            {
                paths[field] = path;
            }
        }

        return new CompiledMapping(paths);
    }

    private static XmlNamespaceManager Namespaces(PushSubmissionOptions options, string at, List<string> errors)
    {
        var manager = new XmlNamespaceManager(new NameTable());
        foreach (var (prefix, uri) in options.Namespaces)
        {
            try
            {
                if (string.IsNullOrWhiteSpace(uri))
                {
                    throw new ArgumentException("empty namespace URI", nameof(options));
                }

                manager.AddNamespace(XmlConvert.VerifyNCName(prefix), uri);
            }
            catch (Exception e) when (e is ArgumentException or XmlException)
            {
                errors.Add($"{at}:Namespaces:{prefix} must map an XML prefix (not xml or xmlns) to a namespace URI, e.g. \"sp\": \"urn:selfpoint:arende:2\".");
            }
        }

        return manager;
    }

    private static string Example(PushFormat format, string field) => format == PushFormat.Xml
        ? field.StartsWith("Attachment", StringComparison.Ordinal) && field != "Attachments"
            ? "e.g. sp:Filnamn (relative to one attachment element)"
            : "e.g. /sp:Arende/sp:Metadata/sp:ArendeId (declare each prefix under Namespaces)"
        : field.StartsWith("Attachment", StringComparison.Ordinal) && field != "Attachments"
            ? "e.g. $.fileName ($ is one attachment)"
            : "a JSONPath such as $.submissionId, $.applicant.name, $.contacts[0].email or $.files[*]";
}
