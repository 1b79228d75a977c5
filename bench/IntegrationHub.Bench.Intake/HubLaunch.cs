using Npgsql;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// Starts the hub for one backend the same way for every scenario: its data in the work folder, deadlines off, on
/// PostgreSQL a fresh schema (dropped again by <see cref="StopAsync"/>), and the caller's extra settings.
/// </summary>
internal static class HubLaunch
{
    /// <summary>The hub currently running, so Ctrl+C and process exit can kill it.</summary>
    public static HubProcess? Current { get; private set; }

    /// <summary>A started hub and what has to be cleaned up after it.</summary>
    public sealed record Launched(HubProcess Hub, string DataDirectory, string? Schema);

    public static async Task<Launched> StartAsync(
        string backend, string folder, BenchSettings settings, IEnumerable<string> extraSettings, TextWriter progress, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(folder, "data");
        Directory.CreateDirectory(dataDirectory);
        var hubSettings = new List<string>
        {
            $"--Hub:Storage:DataDirectory={dataDirectory}",
            "--Hub:Deadlines:Enabled=false",
        };
        hubSettings.AddRange(extraSettings);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        string? schema = null;
        if (backend == "postgresql")
        {
            schema = "bench_" + Guid.NewGuid().ToString("N")[..10];
            hubSettings.Add("--Hub:Storage:Provider=PostgreSql");
            hubSettings.Add($"--Hub:Storage:PostgreSqlSchema={schema}");
            // In the environment rather than on the command line, so the password is not in ps or in the report.
            environment["Hub__Storage__PostgreSqlConnectionString"] = settings.PostgresConnectionString!;
        }

        hubSettings.AddRange(settings.HubArguments);
        await progress.WriteLineAsync($"[bench] {backend}: starting the hub");
        var hub = await HubProcess.StartAsync(settings.HostDll, hubSettings, environment, Path.Combine(folder, "hub.log"), cancellationToken);
        Current = hub;
        return new Launched(hub, dataDirectory, schema);
    }

    /// <summary>Stops the hub and drops its PostgreSQL schema with the Rebus tables.</summary>
    public static async Task StopAsync(Launched launched, BenchSettings settings, TextWriter progress)
    {
        await launched.Hub.DisposeAsync();
        Current = null;
        if (launched.Schema is { } schema)
        {
            await DropSchemaAsync(settings.PostgresConnectionString!, schema, progress);
        }
    }

    /// <summary>The size of the SQLite file with its WAL.</summary>
    public static long DataBytes(string dataDirectory) => Directory.EnumerateFiles(dataDirectory).Sum(f => new FileInfo(f).Length);

    private static async Task DropSchemaAsync(string connectionString, string schema, TextWriter progress)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE; DROP TABLE IF EXISTS \"{schema}_rebus_messages\", \"{schema}_rebus_outbox\";", connection);
            await command.ExecuteNonQueryAsync();
            await progress.WriteLineAsync($"[bench] postgresql: dropped schema {schema} and its Rebus tables");
        }
        catch (NpgsqlException e)
        {
            await progress.WriteLineAsync($"[bench] postgresql: could not drop schema {schema} ({e.Message}); drop it by hand");
        }
    }
}
