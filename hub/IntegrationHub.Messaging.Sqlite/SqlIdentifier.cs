namespace IntegrationHub.Messaging.Sqlite;

/// <summary>Validates names that are spliced into SQL (SQLite cannot bind identifiers as parameters).</summary>
internal static class SqlIdentifier
{
    private const int MaxLength = 64;

    /// <summary>Returns <paramref name="name"/> when it is a plain identifier, otherwise throws <see cref="ArgumentException"/>.</summary>
    public static string Validate(string? name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!IsSafe(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a safe table name: use 1-{MaxLength} letters (a-z, A-Z), digits and underscores, start with a letter or underscore, and do not start with 'sqlite_' (reserved by SQLite).",
                parameterName);
        }

        return name;
    }

    private static bool IsSafe(string name)
    {
        if (name.Length is 0 or > MaxLength || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        if (name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
