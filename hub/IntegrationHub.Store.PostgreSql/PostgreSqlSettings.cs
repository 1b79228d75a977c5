using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Validated <see cref="PostgreSqlStoreOptions"/>.</summary>
internal sealed record PostgreSqlSettings(string ConnectionString, string Schema)
{
    /// <summary>The schema as an SQL identifier; safe to splice into SQL because <see cref="From"/> allowed only [a-z0-9_].</summary>
    public string QuotedSchema => $"\"{Schema}\"";

    /// <summary>Validates the options; every message says which option to fix and never repeats the connection string.</summary>
    public static PostgreSqlSettings From(PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("PostgreSqlStoreOptions.ConnectionString is required.", nameof(options));
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql names the offending keyword only; the string itself may hold a password.
            throw new ArgumentException($"PostgreSqlStoreOptions.ConnectionString is not a valid Npgsql connection string: {ex.Message}", nameof(options), ex);
        }

        if (!IsSafeSchemaName(options.Schema))
        {
            throw new ArgumentException(
                $"PostgreSqlStoreOptions.Schema '{options.Schema}' is not a safe schema name: use lower-case letters a-z, digits and "
                + "underscores, start with a letter or underscore, at most 63 characters, and do not start with pg_.",
                nameof(options));
        }

        return new PostgreSqlSettings(options.ConnectionString, options.Schema);
    }

    private static bool IsSafeSchemaName(string? name) =>
        name is { Length: > 0 and <= 63 }
        && name[0] is (>= 'a' and <= 'z') or '_'
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
        && !name.StartsWith("pg_", StringComparison.Ordinal);
}
