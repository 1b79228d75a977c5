using System.Globalization;

namespace IntegrationHub.Store.Tests.Support;

/// <summary>Makes valid 12-digit personnummer for fictional people (Luhn check digit over YYMMDDNNN).</summary>
internal static class Personnummer
{
    /// <summary>Appends the check digit to the first eleven digits, e.g. "19121212121" gives "191212121212".</summary>
    public static string WithCheckDigit(string elevenDigits)
    {
        if (elevenDigits.Length != 11 || !elevenDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Give century, date and birth number: eleven digits.", nameof(elevenDigits));
        }

        var sum = 0;
        // Luhn over the ten-digit form, without the century: weights 2,1,2,1,...
        for (var i = 0; i < 9; i++)
        {
            var product = (elevenDigits[i + 2] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return elevenDigits + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
