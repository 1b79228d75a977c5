namespace IntegrationHub.Canonical.Validation;

/// <summary>Builds RFC 6901 JSON pointers.</summary>
internal static class JsonPointer
{
    /// <summary>Appends one reference token, escaping <c>~</c> as <c>~0</c> and <c>/</c> as <c>~1</c>.</summary>
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Appends an array index.</summary>
    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
