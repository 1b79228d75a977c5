using System.Globalization;

namespace IntegrationHub.Bench.Intake;

/// <summary>The bench's command line; every count has a default that keeps the whole run short.</summary>
internal sealed record BenchSettings
{
    public const string Usage = """
        usage: IntegrationHub.Bench.Intake --host-dll <path to IntegrationHub.Host.dll> [options]
          --count N        events per intake scenario and per burst (default 2000)
          --warmup N       single events to warm up with before measuring, half from 4 and half from 1 client,
                           after 300 in batches (default 2000; tiered JIT needs that many)
          --paced N        events in the paced pipeline stream (default 200)
          --rate R         events per second of the paced stream (default 50)
          --cases N        cases open at a time (default 300)
          --no-diary       skip the diarisation scenarios
          --postgres       require the PostgreSQL run (it runs whenever IHUB_TEST_POSTGRES, an Npgsql
                           connection string, is set; this makes a missing one an error)
          --no-postgres    SQLite only, even when IHUB_TEST_POSTGRES is set
          --only BACKEND   run on sqlite or postgresql only
          --keep           keep the work folder (the hubs' logs, the SQLite file) and print where it is
          --command TEXT   the command to print in the report (run.sh passes its own)
        """;

    public required string HostDll { get; init; }
    public string? PostgresConnectionString { get; init; }
    public int Count { get; init; } = 2000;
    public int Warmup { get; init; } = 2000;
    public int Paced { get; init; } = 200;
    public double Rate { get; init; } = 50;
    public int Cases { get; init; } = 300;
    public bool Diary { get; init; } = true;
    public string Command { get; init; } = string.Empty;
    public string? Only { get; init; }
    public bool Keep { get; init; }

    /// <summary>The backends to run, in order.</summary>
    public IReadOnlyList<string> Backends =>
        [.. ((string[])["sqlite", "postgresql"]).Where(b => (Only ?? b) == b && (b != "postgresql" || PostgresConnectionString is not null))];

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        string? hostDll = null;
        var postgres = false;
        var environment = Environment.GetEnvironmentVariable("IHUB_TEST_POSTGRES");
        var settings = new BenchSettings { HostDll = string.Empty, PostgresConnectionString = string.IsNullOrWhiteSpace(environment) ? null : environment };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Positive() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");

            settings = args[i] switch
            {
                "--host-dll" => settings with { HostDll = hostDll = Path.GetFullPath(Value()) },
                "--count" => settings with { Count = Positive() },
                "--warmup" => settings with { Warmup = Positive() },
                "--paced" => settings with { Paced = Positive() },
                "--rate" => settings with
                {
                    Rate = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 1000
                        ? r
                        : throw new ArgumentException("--rate needs events per second between 0 and 1000."),
                },
                "--cases" => settings with { Cases = Positive() },
                "--no-diary" => settings with { Diary = false },
                "--postgres" => Require(settings, out postgres),
                "--no-postgres" => settings with { PostgresConnectionString = null },
                "--command" => settings with { Command = Value() },
                "--only" => settings with
                {
                    Only = Value() is "sqlite" or "postgresql" ? args[i] : throw new ArgumentException("--only takes sqlite or postgresql."),
                },
                "--keep" => settings with { Keep = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (hostDll is null || !File.Exists(hostDll))
        {
            throw new ArgumentException(hostDll is null
                ? "--host-dll is required (build it with: dotnet build hub/IntegrationHub.Host -c Release)."
                : $"--host-dll {hostDll} does not exist (build it with: dotnet build hub/IntegrationHub.Host -c Release).");
        }

        if ((postgres || settings.Only == "postgresql") && string.IsNullOrWhiteSpace(settings.PostgresConnectionString))
        {
            throw new ArgumentException("--postgres needs IHUB_TEST_POSTGRES; eval \"$(scripts/test-services.sh start)\" sets it.");
        }

        return settings;
    }

    private static BenchSettings Require(BenchSettings settings, out bool postgres)
    {
        postgres = true;
        return settings;
    }
}
