using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace IntegrationHub.Hub.Diary.Numbering;

/// <summary>
/// Splits a diarienummer pattern into segments and collects everything wrong with it, in words an
/// IT administrator understands, so that one attempt shows all the mistakes at once.
/// </summary>
internal static class DiarienummerPattern
{
    /// <summary>The longest series code accepted; real codes (KS, BUN, MBN, SOCN) are far shorter.</summary>
    public const int MaxSeriesLength = 20;

    private const string KnownTokens = "{series}, {year}, {yy}, {number} and {number:N}";

    // What administrators plausibly type instead of a token (Swedish words, other casing), mapped to
    // the token they meant. Used only to suggest a fix; the pattern itself stays strict.
    private static readonly Dictionary<string, string> Hints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["series"] = "series", ["serie"] = "series", ["serien"] = "series", ["diarium"] = "series",
        ["diary"] = "series", ["prefix"] = "series", ["organ"] = "series", ["nämnd"] = "series",
        ["year"] = "year", ["år"] = "year", ["året"] = "year", ["yyyy"] = "year", ["åååå"] = "year",
        ["yy"] = "yy", ["åå"] = "yy",
        ["number"] = "number", ["nummer"] = "number", ["nr"] = "number", ["no"] = "number",
        ["num"] = "number", ["löpnummer"] = "number", ["löpnr"] = "number", ["lopnummer"] = "number",
        ["n"] = "number", ["sequence"] = "number", ["seq"] = "number",
    };

    /// <summary>
    /// Parses <paramref name="pattern"/> for a diary whose series code is <paramref name="series"/>.
    /// On failure <paramref name="error"/> names the pattern and lists every problem.
    /// </summary>
    public static bool TryParse(string pattern, string series, out ImmutableArray<PatternSegment> segments, [NotNullWhen(false)] out string? error)
    {
        var problems = new List<string>();
        var parsed = Tokenize(pattern, problems);
        CheckTokenCounts(parsed, series, problems);
        CheckSeries(series, problems);
        if (pattern.Length > 0 && (char.IsWhiteSpace(pattern[0]) || char.IsWhiteSpace(pattern[^1])))
        {
            // Values are read with surrounding white space removed, so such a pattern could never match.
            problems.Add("it starts or ends with white space; remove it");
        }

        if (problems.Count == 0)
        {
            segments = parsed.ToImmutableArray();
            error = null;
            return true;
        }

        segments = [];
        var forSeries = series.Length == 0 ? string.Empty : $" for series \"{series}\"";
        error = $"Diarienummer pattern \"{pattern}\"{forSeries} is not valid: {string.Join("; ", problems)}.";
        return false;
    }

    private static List<PatternSegment> Tokenize(string pattern, List<string> problems)
    {
        var segments = new List<PatternSegment>();
        var literal = new StringBuilder();
        var unknownTokens = false;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '}')
            {
                problems.Add($"the \"}}\" at position {i + 1} has no matching \"{{\"");
                i++;
                continue;
            }

            if (char.IsControl(c))
            {
                problems.Add($"it contains a control character (U+{(int)c:X4}) at position {i + 1}");
                i++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var close = pattern.IndexOf('}', i + 1);
            var nextOpen = pattern.IndexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                problems.Add($"the \"{{\" at position {i + 1} is never closed; a token is written like {{year}}");
                break;
            }

            if (literal.Length > 0)
            {
                segments.Add(new PatternSegment(PatternSegmentKind.Literal, literal.ToString()));
                literal.Clear();
            }

            var token = pattern[(i + 1)..close];
            if (ReadToken(token, problems) is { } segment)
            {
                segments.Add(segment);
            }
            else if (!token.StartsWith("number:", StringComparison.Ordinal))
            {
                unknownTokens = true;
            }

            i = close + 1;
        }

        if (literal.Length > 0)
        {
            segments.Add(new PatternSegment(PatternSegmentKind.Literal, literal.ToString()));
        }

        if (unknownTokens)
        {
            problems.Add($"the tokens are {KnownTokens}");
        }

        return segments;
    }

    private static PatternSegment? ReadToken(string token, List<string> problems)
    {
        switch (token)
        {
            case "series":
                return new PatternSegment(PatternSegmentKind.Series, token);
            case "year":
                return new PatternSegment(PatternSegmentKind.Year, token);
            case "yy":
                return new PatternSegment(PatternSegmentKind.TwoDigitYear, token);
            case "number":
                return new PatternSegment(PatternSegmentKind.Number, token);
        }

        if (token.StartsWith("number:", StringComparison.Ordinal))
        {
            var width = token["number:".Length..];
            if (width.Length == 1 && width[0] is >= '1' and <= '9')
            {
                return new PatternSegment(PatternSegmentKind.Number, token, width[0] - '0');
            }

            problems.Add($"\"{{{token}}}\" has a bad padding: write {{number:N}} with N a single digit from 1 to 9, e.g. {{number:4}} for 0123");
            return null;
        }

        var hint = HintFor(token);
        problems.Add(hint is null
            ? $"unknown token \"{{{token}}}\""
            : $"unknown token \"{{{token}}}\" (did you mean {hint}?)");
        return null;
    }

    private static string? HintFor(string token)
    {
        var compact = token.Replace(" ", string.Empty, StringComparison.Ordinal);
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? compact : compact[..colon];
        if (!Hints.TryGetValue(name, out var meant))
        {
            return null;
        }

        if (colon < 0)
        {
            return "{" + meant + "}";
        }

        return meant == "number" ? "{number" + compact[colon..] + "}" : null;
    }

    private static void CheckTokenCounts(List<PatternSegment> segments, string series, List<string> problems)
    {
        var numbers = segments.Count(s => s.Kind == PatternSegmentKind.Number);
        var years = segments.Where(s => s.Kind is PatternSegmentKind.Year or PatternSegmentKind.TwoDigitYear).ToList();
        var seriesTokens = segments.Count(s => s.Kind == PatternSegmentKind.Series);

        if (numbers == 0)
        {
            problems.Add("it has no running number; add {number}, or {number:N} to pad it with zeros to N digits");
        }
        else if (numbers > 1)
        {
            problems.Add($"it has {numbers} running-number tokens; it must have exactly one");
        }

        if (years.Count == 0)
        {
            problems.Add("it has no year; add {year} for four digits or {yy} for two");
        }
        else if (years.Count > 1)
        {
            var written = string.Join(" and ", years.Select(y => "{" + y.Text + "}"));
            problems.Add($"it has {years.Count} year tokens ({written}); it must have exactly one, {{year}} or {{yy}}");
        }

        if (seriesTokens > 1)
        {
            problems.Add($"it has {{series}} {seriesTokens} times; it may have it at most once");
        }
        else if (seriesTokens == 1 && series.Length == 0)
        {
            problems.Add("it uses {series} but the diary has no series code");
        }
    }

    private static void CheckSeries(string series, List<string> problems)
    {
        if (series.Length > MaxSeriesLength)
        {
            problems.Add($"the series code \"{series}\" is longer than {MaxSeriesLength} characters");
        }

        if (series.Any(c => !char.IsLetterOrDigit(c) && c is not ('-' or '.' or '_')))
        {
            problems.Add($"the series code \"{series}\" may contain only letters, digits, '-', '.' and '_'");
        }
    }
}
