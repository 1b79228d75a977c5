using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>Reads the submission time as platforms write it: with an offset, as local time in the instance's zone, or as Unix seconds.</summary>
internal static partial class PushTimes
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset result)
    {
        result = default;
        try
        {
            if (text.Length is 10 && text.All(char.IsAsciiDigit))
            {
                result = DateTimeOffset.FromUnixTimeSeconds(long.Parse(text, CultureInfo.InvariantCulture));
                return true;
            }

            if (WithOffset().IsMatch(text))
            {
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out result) && result.Year >= 1900;
            }

            if (!DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year < 1900)
            {
                return false;
            }

            result = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex WithOffset();
}
