namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>The host on its scale-out backend: PostgreSQL store, Rebus.PostgreSql transport and outbox, in a schema of its own.</summary>
public sealed class PostgreSqlHubFactory : HubFactory
{
    public PostgreSqlHubFactory() => UsePostgreSql(Settings);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DropSchema(Settings);
        }
    }

    /// <summary>Removes what a test hub created: its schema and its Rebus tables.</summary>
    public static void DropSchema(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var schema = settings["Hub:Storage:PostgreSqlSchema"];
        using var connection = new Npgsql.NpgsqlConnection(settings["Hub:Storage:PostgreSqlConnectionString"]);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP SCHEMA IF EXISTS {schema} CASCADE; DROP TABLE IF EXISTS {schema}_rebus_messages, {schema}_rebus_outbox CASCADE;";
        command.ExecuteNonQuery();
    }

    /// <summary>Points a factory's settings at the test PostgreSQL server, in a fresh schema.</summary>
    public static void UsePostgreSql(Dictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var connectionString = Environment.GetEnvironmentVariable("IHUB_TEST_POSTGRES")
            ?? throw new InvalidOperationException("IHUB_TEST_POSTGRES is not set: run the tests with ./scripts/test.sh, or start PostgreSQL with scripts/test-services.sh start and export what it prints.");
        settings["Hub:Storage:Provider"] = "PostgreSql";
        settings["Hub:Storage:PostgreSqlConnectionString"] = connectionString;
        settings["Hub:Storage:PostgreSqlSchema"] = $"hubtest_{Guid.NewGuid():N}"[..30];
    }
}

/// <summary>The municipal configuration on PostgreSQL.</summary>
public sealed class PostgreSqlMunicipalHubFactory : MunicipalHubFactory
{
    public PostgreSqlMunicipalHubFactory() => PostgreSqlHubFactory.UsePostgreSql(Settings);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            PostgreSqlHubFactory.DropSchema(Settings);
        }
    }
}
