using System.Globalization;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.Push.Mapping;
using IntegrationHub.Adapters.EServices.Push.Reading;
using IntegrationHub.Adapters.EServices.Push.Security;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.Primitives;

namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>
/// Turns one pushed form submission into canonical events, or refuses it. The checks run in an order that tells an
/// outsider nothing: instance (404), size (413), signature or key (401), content type (415), syntax (400), fields and
/// schema (422). Only when everything holds are the files (the submission as received, then its attachments) put into
/// the content store; a refused push stores nothing. Submit the returned events to the hub's intake: a re-push gives
/// the same event ids, so the hub reports it as a duplicate. Thread-safe; register as a singleton.
/// </summary>
public sealed class PushSubmissionHandler
{
    private readonly Dictionary<string, PushInstance> _instances;
    private readonly IContentStore _content;
    private readonly TimeProvider _time;

    internal PushSubmissionHandler(IEnumerable<KeyValuePair<string, PushSubmissionOptions>> instances, IContentStore content, TimeProvider time)
    {
        _instances = instances.ToDictionary(i => i.Key, i => PushInstance.Create(i.Key, i.Value), StringComparer.OrdinalIgnoreCase);
        _content = content;
        _time = time;
    }

    /// <summary>The names of the enabled instances.</summary>
    public IReadOnlyCollection<string> Instances => [.. _instances.Values.Where(i => i.Options.Enabled).Select(i => i.Name)];

    /// <summary>The largest body the instance accepts, so the host can stop reading early; null for an unknown or disabled instance.</summary>
    public long? MaxBodyBytes(string instance) =>
        _instances.TryGetValue(instance, out var push) && push.Options.Enabled ? push.Options.MaxBodyBytes : null;

    /// <summary>Checks, maps and (when accepted) stores one push.</summary>
    /// <param name="instance">The <c>{instance}</c> of the route.</param>
    /// <param name="body">The raw body exactly as received (the signature covers these bytes).</param>
    /// <param name="contentType">The request's Content-Type.</param>
    /// <param name="headers">The request headers (an ASP.NET Core <c>IHeaderDictionary</c> will do); names compare case-insensitively.</param>
    /// <param name="cancellationToken">Stops storing files.</param>
    /// <exception cref="InvalidOperationException">The instance's <c>SecretFile</c> cannot be read (a server problem: answer 500).</exception>
    public async Task<PushSubmissionResult> HandleAsync(
        string instance, ReadOnlyMemory<byte> body, string? contentType, IEnumerable<KeyValuePair<string, StringValues>> headers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(headers);
        if (!_instances.TryGetValue(instance, out var push) || !push.Options.Enabled)
        {
            return Refuse(PushFailureKind.UnknownInstance, "Unknown e-service instance", "No e-service platform is configured under this name.");
        }

        var options = push.Options;
        if (body.Length > options.MaxBodyBytes)
        {
            return Refuse(PushFailureKind.TooLarge, "Submission too large",
                $"The body may be at most {options.MaxBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes, attachments included.");
        }

        var byName = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            byName[name] = byName.TryGetValue(name, out var earlier) ? StringValues.Concat(earlier, value) : value;
        }

        if (PushAuthenticator.Check(options, SecretReader.Read(push.Name, options), body.Span, byName, _time.GetUtcNow()) is { } reason)
        {
            return Refuse(PushFailureKind.Unauthorized, "Not authenticated", "The request is not authenticated for this instance.", logReason: reason);
        }

        if (!PushContentTypes.Accepts(options.Format, contentType))
        {
            return Refuse(PushFailureKind.UnsupportedMediaType, "Unsupported content type",
                $"This instance accepts {PushContentTypes.Describe(options.Format)}.");
        }

        var (submission, problems) = Read(push, body);
        if (submission is null)
        {
            return problems is [{ Rule: PushRules.JsonSyntax or PushRules.XmlSyntax } syntax]
                ? Refuse(PushFailureKind.Malformed, "Malformed submission", syntax.Message, problems)
                : Refuse(PushFailureKind.Unprocessable, "Submission cannot be mapped", "One or more fields are missing or invalid; see errors.", problems);
        }

        var files = new List<SubmittedFile> { SubmissionFile(push, body) };
        files.AddRange(submission.Attachments);

        // Validated with the references the store will give, before anything is stored.
        var schemaProblems = SchemaCheck.Problems(SubmissionEvents.Build(push, submission, files, f => $"/api/v1/contents/{f.Sha256}"), push.Mapping);
        if (schemaProblems.Count > 0)
        {
            return Refuse(PushFailureKind.Unprocessable, "Submission cannot be mapped", "The mapped submission breaks the case-event schema; see errors.", schemaProblems);
        }

        var stored = new Dictionary<SubmittedFile, StoredContent>(ReferenceEqualityComparer.Instance);
        foreach (var file in files)
        {
            stored[file] = await _content.PutAsync(file.Content, file.MediaType, cancellationToken).ConfigureAwait(false);
        }

        return PushSubmissionResult.Accepted(SubmissionEvents.Build(push, submission, files, f => stored[f].Reference));
    }

    private (Submission? Submission, IReadOnlyList<PushSubmissionProblem> Problems) Read(PushInstance push, ReadOnlyMemory<byte> body)
    {
        var receivedAt = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), push.TimeZone);
        PushSubmissionProblem? syntax;
        if (push.Options.Format == PushFormat.Xml)
        {
            var root = PayloadParser.ParseXml(body, out syntax);
            if (root is null)
            {
                return (null, [syntax!]);
            }

            var reader = new SubmissionReader(push, receivedAt);
            return (reader.Read(PayloadValue.FromXml(root)), reader.Problems);
        }

        using var json = PayloadParser.ParseJson(body, out syntax);
        if (json is null)
        {
            return (null, [syntax!]);
        }

        var jsonReader = new SubmissionReader(push, receivedAt);
        return (jsonReader.Read(PayloadValue.FromJson(json.RootElement)), jsonReader.Problems);
    }

    // The submission as received is the incoming document itself (allmän handling): kept byte for byte, as signed.
    private static SubmittedFile SubmissionFile(PushInstance push, ReadOnlyMemory<byte> body) =>
        push.Options.Format == PushFormat.Xml
            ? new SubmittedFile("inlamning.xml", "application/xml", body.ToArray())
            : new SubmittedFile("inlamning.json", "application/json", body.ToArray());

    private static PushSubmissionResult Refuse(PushFailureKind kind, string title, string detail, IReadOnlyList<PushSubmissionProblem>? problems = null, string? logReason = null) =>
        PushSubmissionResult.Refused(new PushSubmissionFailure(kind, title, detail, problems ?? [], logReason));
}
