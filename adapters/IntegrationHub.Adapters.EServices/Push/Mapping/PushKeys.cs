using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>Ids, keys and texts made to fit the schema: deterministic from instance and submission id, cut to the maxima.</summary>
internal static partial class PushKeys
{
    public static string Source(string sourceSystem, string municipality) => $"urn:integrationhub:{sourceSystem}:{municipality}";

    /// <summary>The id of one of a submission's events: the same instance and submission always give the same id.</summary>
    public static string EventId(string instance, string submissionId, string suffix) => Bounded($"{instance}-{submissionId}-{suffix}");

    public static string Subject(string sourceSystem, string submissionId) => $"{sourceSystem}/{submissionId}";

    /// <summary>Text for one line: control characters (a NUL breaks PostgreSQL's jsonb) become spaces.</summary>
    public static string? Line(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var clean = Whitespace().Replace(ControlChars().Replace(text, " "), " ").Trim();
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>Free text: line breaks and tabs kept, other control characters dropped.</summary>
    public static string? Paragraphs(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var clean = NonTextControlChars().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty).Trim();
        return clean.Length == 0 ? null : clean;
    }

    public static string? Cut(string? text, int max) =>
        text is null ? null : text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>An OrganisationRef id (letters, digits, '.', '_', '-', at most 50), or null when nothing is left.</summary>
    public static string? OrganisationId(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var id = Dashes().Replace(NotOrganisationChars().Replace(Fold(raw.Trim()), "-"), "-").Trim('-');
        return id.Length == 0 ? null : id[..Math.Min(id.Length, 50)].TrimEnd('-');
    }

    /// <summary>A case type key (lowercase letters, digits and dashes), e.g. "Felanmälan gata/park" → "felanmalan-gata-park".</summary>
    public static string? CaseTypeKey(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var key = NotKeyChars().Replace(Fold(raw.Trim().ToLowerInvariant()), "-").Trim('-');
        return key.Length == 0 ? null : key[..Math.Min(key.Length, 100)].TrimEnd('-');
    }

    public static bool IsCaseTypeKey(string? key) => key is not null && CaseTypeKeyPattern().IsMatch(key);

    public static bool IsSourceSystemKey(string? key) => key is not null && SourceSystemPattern().IsMatch(key);

    private static string Bounded(string id) =>
        id.Length <= 200 ? id : id[..135] + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private static string Fold(string text) => text
        .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e').Replace('ü', 'u')
        .Replace('Å', 'A').Replace('Ä', 'A').Replace('Ö', 'O').Replace('É', 'E').Replace('Ü', 'U');

    [GeneratedRegex(@"\p{C}", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ControlChars();

    [GeneratedRegex(@"[\p{C}-[\n\t]]", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NonTextControlChars();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Whitespace();

    [GeneratedRegex("[^A-Za-z0-9._-]+", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NotOrganisationChars();

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Dashes();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NotKeyChars();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex CaseTypeKeyPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex SourceSystemPattern();
}
