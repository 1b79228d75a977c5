using System.Globalization;
using System.Text;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>Stable organisation keys from the names FGS gives (Organisationsnamn, Enhetsnamn), e.g. "Bygglovsenheten" → "bygglovsenheten".</summary>
internal static class OrganisationKeys
{
    public static string? From(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var key = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }

        var text = key.ToString().Trim('-');
        return text.Length == 0 ? null : text[..Math.Min(50, text.Length)].TrimEnd('-');
    }
}
