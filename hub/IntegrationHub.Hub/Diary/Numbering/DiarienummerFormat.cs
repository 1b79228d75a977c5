using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationHub.Hub.Diary.Numbering;

/// <summary>
/// The number format of one diary (diarium), configured by an IT administrator as a pattern such as
/// <c>{series} {year}/{number}</c> (KS 2026/123), <c>{series}-{year}/{number:4}</c> (KS-2026/0123) or
/// <c>{year}-{number:6}</c> (2026-000123).
/// </summary>
/// <remarks>
/// Tokens: <c>{series}</c> the diary's series code, <c>{year}</c> four-digit year, <c>{yy}</c> two-digit
/// year, <c>{number}</c> the running number, <c>{number:N}</c> the running number zero-padded to at least
/// N digits (N 1–9). Everything else is literal text; braces cannot be literal text. A pattern has
/// exactly one number token, exactly one year token and at most one <c>{series}</c>.
/// </remarks>
public sealed class DiarienummerFormat
{
    /// <summary>The earliest year a number can be written or read with.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year a number can be written or read with.</summary>
    public const int MaxYear = 2999;

    // Far longer than any real number, short enough that reading a hostile value costs nothing.
    private const int MaxReadLength = 100;

    private readonly ImmutableArray<PatternSegment> _segments;
    private readonly Regex _reader;

    private DiarienummerFormat(string pattern, string series, ImmutableArray<PatternSegment> segments)
    {
        Pattern = pattern;
        Series = series;
        _segments = segments;
        _reader = BuildReader(segments, series);
    }

    /// <summary>The pattern as configured.</summary>
    public string Pattern { get; }

    /// <summary>The diary's series code (KS, BUN, SBN …); empty when the diary has none.</summary>
    public string Series { get; }

    /// <summary>Parses <paramref name="pattern"/> for the diary whose series code is <paramref name="series"/>.</summary>
    /// <exception cref="DiarienummerFormatException">The pattern or series code is not valid; the message names the pattern and every problem.</exception>
    public static DiarienummerFormat Parse(string pattern, string series)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(series);
        return TryParse(pattern, series, out var format, out var error)
            ? format
            : throw new DiarienummerFormatException(error);
    }

    /// <summary>
    /// Parses <paramref name="pattern"/> for the diary whose series code is <paramref name="series"/>
    /// (empty if the diary has none). On failure <paramref name="error"/> is the message
    /// <see cref="Parse"/> would throw with.
    /// </summary>
    public static bool TryParse(
        string pattern,
        string series,
        [NotNullWhen(true)] out DiarienummerFormat? format,
        [NotNullWhen(false)] out string? error)
    {
        // Configuration files and source systems mix composed and decomposed Å, Ä and Ö.
        var normalizedPattern = (pattern ?? string.Empty).Normalize(NormalizationForm.FormC);
        var normalizedSeries = (series ?? string.Empty).Normalize(NormalizationForm.FormC);
        if (!DiarienummerPattern.TryParse(normalizedPattern, normalizedSeries, out var segments, out error))
        {
            format = null;
            return false;
        }

        format = new DiarienummerFormat(normalizedPattern, normalizedSeries, segments);
        return true;
    }

    /// <summary>Writes the number for <paramref name="year"/> and <paramref name="runningNumber"/> in this format.</summary>
    /// <remarks>A running number wider than the padding is written in full. <c>{yy}</c> writes the last two digits of the year.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900–2999 or the running number is below 1.</exception>
    public string Format(int year, int runningNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(runningNumber, 1);

        var text = new StringBuilder(Pattern.Length + 8);
        foreach (var segment in _segments)
        {
            text.Append(segment.Kind switch
            {
                PatternSegmentKind.Literal => segment.Text,
                PatternSegmentKind.Series => Series,
                PatternSegmentKind.Year => year.ToString("D4", CultureInfo.InvariantCulture),
                PatternSegmentKind.TwoDigitYear => (year % 100).ToString("D2", CultureInfo.InvariantCulture),
                PatternSegmentKind.Number => runningNumber.ToString(CultureInfo.InvariantCulture).PadLeft(segment.Padding, '0'),
                _ => throw new InvalidOperationException($"Unexpected segment {segment.Kind}."),
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads a number written in this format. Padding is not required ("KS-2026/123" and
    /// "KS-2026/0123" both read with <c>{number:4}</c>), white space around the value is ignored,
    /// and all other text, the series code included, must match exactly. <c>{yy}</c> reads as 20yy.
    /// </summary>
    /// <returns>False for anything else, including a running number of 0 and a year outside 1900–2999.</returns>
    public bool TryRead(string value, [NotNullWhen(true)] out DiarienummerParts? parts)
    {
        parts = null;
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxReadLength)
        {
            return false;
        }

        var match = _reader.Match(value.Trim().Normalize(NormalizationForm.FormC));
        if (!match.Success
            || !int.TryParse(match.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number < 1)
        {
            return false;
        }

        var year = match.Groups["year"].Success
            ? int.Parse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture)
            : 2000 + int.Parse(match.Groups["yy"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear)
        {
            return false;
        }

        parts = new DiarienummerParts(Series.Length == 0 ? null : Series, year, number);
        return true;
    }

    /// <summary>The pattern.</summary>
    public override string ToString() => Pattern;

    private static Regex BuildReader(ImmutableArray<PatternSegment> segments, string series)
    {
        var regex = new StringBuilder("^");
        foreach (var segment in segments)
        {
            regex.Append(segment.Kind switch
            {
                PatternSegmentKind.Literal => Regex.Escape(segment.Text),
                PatternSegmentKind.Series => Regex.Escape(series),
                PatternSegmentKind.Year => "(?<year>[0-9]{4})",
                PatternSegmentKind.TwoDigitYear => "(?<yy>[0-9]{2})",
                PatternSegmentKind.Number => "(?<number>[0-9]+)",
                _ => throw new InvalidOperationException($"Unexpected segment {segment.Kind}."),
            });
        }

        // One variable-width group and fixed literals cannot backtrack catastrophically, and input
        // is capped at MaxReadLength, so no match timeout is needed.
        return new Regex(regex.Append(@"\z").ToString(), RegexOptions.CultureInvariant);
    }
}
