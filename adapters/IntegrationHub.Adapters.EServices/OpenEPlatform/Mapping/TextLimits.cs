using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>Keeps texts within the schema's lengths and shapes.</summary>
internal static partial class TextLimits
{
    public static string? Cut(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = Spaces().Replace(text.Trim(), " ");
        return clean.Length <= max ? clean : clean[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>Multi-line text (descriptions), trimmed per line.</summary>
    public static string? CutLines(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var clean = string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return clean.Length <= max ? clean : clean[..(max - 1)].TrimEnd() + "…";
    }

    public static bool IsEmail(string? text) => text is not null && Email().IsMatch(text);

    public static bool IsPhone(string? text) => text is not null && Phone().IsMatch(text);

    /// <summary>An organisation id from a unit's name: "Bygglovsenheten" → "bygglovsenheten", "Miljö & hälsa" → "miljo-halsa".</summary>
    public static string? Slug(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = text.Trim().ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Replace('é', 'e');
        var slug = NotIdChars().Replace(folded, "-").Trim('-');
        return slug.Length is > 0 and <= 50 ? slug : null;
    }

    [GeneratedRegex(@"[ \t\r\n]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex("^\\+?[0-9 ()-]{5,30}$")]
    private static partial Regex Phone();

    [GeneratedRegex("[^a-z0-9._]+")]
    private static partial Regex NotIdChars();
}
