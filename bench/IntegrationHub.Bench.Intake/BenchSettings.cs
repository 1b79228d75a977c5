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
          --hub-arg ARG    one more hub setting, e.g. --hub-arg --Hub:Delivery:MaxOpenPerSubscription=64 (repeatable)
        fan-out (push delivery to webhook subscribers on loopback) instead of intake and pipeline:
          --fanout                 run the fan-out scenario
          --subscribers LIST       webhook subscribers per row (default 1,10,100)
          --fanout-events LIST     events of each throughput run, one per row or one for all
                                   (default 500 up to 1 subscriber, 300 up to 10, else 100)
          --fanout-paced LIST      events of each latency run at most (default 200 up to 10 subscribers, else 100)
          --fanout-rate LIST       events per second of each latency run at most (default 20 up to 10 subscribers, else 5);
                                   never more than a quarter of the row's throughput, and then fewer events
                                   (as many as 20 s take, at least 10)
          --fanout-warmup N        events delivered to 10 subscribers before measuring (default 200)
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
    public IReadOnlyList<string> HubArguments { get; init; } = [];
    public bool Fanout { get; init; }
    public IReadOnlyList<int> Subscribers { get; init; } = [1, 10, 100];
    public IReadOnlyList<int>? FanoutEvents { get; init; }
    public IReadOnlyList<int>? FanoutPaced { get; init; }
    public IReadOnlyList<double>? FanoutRates { get; init; }
    public int FanoutWarmup { get; init; } = 200;

    /// <summary>The fan-out rows: subscribers, events of the throughput run, events and rate of the latency run.</summary>
    public IReadOnlyList<FanoutRow> FanoutRows =>
        [.. Subscribers.Select((s, i) => new FanoutRow(
            s,
            Pick(FanoutEvents, i) ?? (s <= 1 ? 500 : s <= 10 ? 300 : 100),
            Pick(FanoutPaced, i) ?? (s <= 10 ? 200 : 100),
            Pick(FanoutRates, i) ?? (s <= 10 ? 20 : 5)))];

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
                "--hub-arg" => settings with { HubArguments = [.. settings.HubArguments, Value()] },
                "--fanout" => settings with { Fanout = true },
                "--subscribers" => settings with { Subscribers = List<int>(Value(), args[i - 1], s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1000 ? n : null) },
                "--fanout-events" => settings with { FanoutEvents = List<int>(Value(), args[i - 1], PositiveNumber) },
                "--fanout-paced" => settings with { FanoutPaced = List<int>(Value(), args[i - 1], PositiveNumber) },
                "--fanout-rate" => settings with
                {
                    FanoutRates = List<double>(Value(), args[i - 1], s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 1000 ? r : (double?)null),
                },
                "--fanout-warmup" => settings with { FanoutWarmup = Positive() },
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

        foreach (var (name, count) in (ReadOnlySpan<(string, int?)>)[("--fanout-events", settings.FanoutEvents?.Count), ("--fanout-paced", settings.FanoutPaced?.Count), ("--fanout-rate", settings.FanoutRates?.Count)])
        {
            if (count is { } n && n != 1 && n != settings.Subscribers.Count)
            {
                throw new ArgumentException($"{name} needs one value, or one per --subscribers row ({settings.Subscribers.Count}).");
            }
        }

        return settings;
    }

    private static T? Pick<T>(IReadOnlyList<T>? values, int row)
        where T : struct =>
        values is null ? null : values.Count == 1 ? values[0] : values[row];

    private static int? PositiveNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>A comma-separated list, every item parsed (null: not valid).</summary>
    private static IReadOnlyList<T> List<T>(string text, string option, Func<string, T?> parse)
        where T : struct
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        var values = items.Select(parse).ToList();
        return values.Count == 0 || values.Any(v => v is null)
            ? throw new ArgumentException($"{option} takes a comma-separated list of positive numbers, e.g. 1,10,100.")
            : [.. values.Select(v => v!.Value)];
    }

    private static BenchSettings Require(BenchSettings settings, out bool postgres)
    {
        postgres = true;
        return settings;
    }
}
