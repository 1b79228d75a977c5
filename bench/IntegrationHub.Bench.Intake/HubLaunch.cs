namespace IntegrationHub.Bench.Intake;

/// <summary>
/// Starts the hub for one backend the same way for every scenario: its data in the work folder, deadlines off, on
/// PostgreSQL a fresh schema (dropped again by <see cref="StopAsync"/>), and the caller's extra settings.
/// </summary>
internal static class HubLaunch
{
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
            schema = PostgresSchema.NewName();
            hubSettings.Add("--Hub:Storage:Provider=PostgreSql");
            hubSettings.Add($"--Hub:Storage:PostgreSqlSchema={schema}");
            // In the environment rather than on the command line, so the password is not in ps or in the report.
            environment["Hub__Storage__PostgreSqlConnectionString"] = settings.PostgresConnectionString!;
        }

        hubSettings.AddRange(settings.HubArguments);
        await progress.WriteLineAsync($"[bench] {backend}: starting the hub");
        var hub = await HubProcess.StartAsync(settings.HostDll, hubSettings, environment, Path.Combine(folder, "hub.log"), cancellationToken);
        return new Launched(hub, dataDirectory, schema);
    }

    /// <summary>Stops the hub and drops its PostgreSQL schema with the Rebus tables.</summary>
    public static async Task StopAsync(Launched launched, BenchSettings settings, TextWriter progress)
    {
        await launched.Hub.DisposeAsync();
        if (launched.Schema is { } schema)
        {
            await PostgresSchema.DropAsync(settings.PostgresConnectionString!, schema, progress);
        }
    }

    /// <summary>The size of the SQLite file with its WAL.</summary>
    public static long DataBytes(string dataDirectory) => Directory.EnumerateFiles(dataDirectory).Sum(f => new FileInfo(f).Length);
}
