using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.EdpFuture.Source;

/// <summary>Fits Future's free texts into the schema's lengths without cutting words in half.</summary>
internal static partial class TextLimits
{
    public const int Headline = 120;
    public const int Description = 4000;
    public const int Title = 500;
    public const int SourceStatus = 100;

    /// <summary>One line, at most <paramref name="max"/> characters, shortened at a word with an ellipsis.</summary>
    public static string OneLine(string text, int max) => Shorten(Whitespace().Replace(text, " ").Trim(), max);

    /// <summary>At most <paramref name="max"/> characters, line breaks kept.</summary>
    public static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        var end = cut > max / 2 ? cut : max - 1;
        return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
