using System.Globalization;
using System.Net;

namespace IntegrationHub.Bench.Mailbox;

/// <summary>The mailbox bench's command line; the defaults are the 1 000 mails and a 200-mail SMTP stream.</summary>
internal sealed record MailboxBenchSettings
{
    public const string Usage = """
        usage: IntegrationHub.Bench.Mailbox --host-dll <path to IntegrationHub.Host.dll> [options]
          --count N        mails APPENDed to the mailbox before the hub starts (default 1000)
          --seed N         seed of the mail mix (default 2281); the same seed gives the same mails
          --samples DIR    the sample mails mixed in (default samples/mail)
          --paced N        mails sent over SMTP while the hub runs, for latency (default 200)
          --rate R         mails per second of that stream at most (default 4); never more than a quarter
                           of the drain rate just measured, and then only as many mails as 90 s take (at least 20)
          --no-paced       the drain only
          --imap HOST:PORT the test IMAP server (default IHUB_TEST_IMAP, else 127.0.0.1:1143); loopback only
          --smtp HOST:PORT the test SMTP server (default IHUB_TEST_SMTP, else 127.0.0.1:2525); loopback only
          --postgres       require the PostgreSQL run (it runs whenever IHUB_TEST_POSTGRES is set)
          --no-postgres    SQLite only, even when IHUB_TEST_POSTGRES is set
          --only BACKEND   run on sqlite or postgresql only
          --keep           keep the work folder (hub logs, SQLite file) and the bench mailboxes
          --command TEXT   the command to print in the report (run.sh passes its own)
          --hub-arg ARG    one more hub setting, e.g. --hub-arg --Adapters:Mailbox:bench:TimeoutSeconds=120 (repeatable)
        The IMAP password is IHUB_TEST_IMAP_PASSWORD (default secret, the test Dovecot's).
        """;

    public required string HostDll { get; init; }
    public string SamplesDirectory { get; init; } = Path.GetFullPath("samples/mail");
    public string? PostgresConnectionString { get; init; }
    public int Count { get; init; } = 1000;
    public int Seed { get; init; } = 2281;
    public int Paced { get; init; } = 200;
    public double Rate { get; init; } = 4;
    public bool PacedRun { get; init; } = true;
    public DnsEndPoint Imap { get; init; } = Endpoint(Environment.GetEnvironmentVariable("IHUB_TEST_IMAP"), 1143);
    public DnsEndPoint Smtp { get; init; } = Endpoint(Environment.GetEnvironmentVariable("IHUB_TEST_SMTP"), 2525);
    public string Password { get; init; } = Environment.GetEnvironmentVariable("IHUB_TEST_IMAP_PASSWORD") is { Length: > 0 } p ? p : "secret";
    public string Command { get; init; } = string.Empty;
    public string? Only { get; init; }
    public bool Keep { get; init; }
    public IReadOnlyList<string> HubArguments { get; init; } = [];

    /// <summary>The backends to run, in order.</summary>
    public IReadOnlyList<string> Backends =>
        [.. ((string[])["sqlite", "postgresql"]).Where(b => (Only ?? b) == b && (b != "postgresql" || PostgresConnectionString is not null))];

    public static MailboxBenchSettings Parse(IReadOnlyList<string> args)
    {
        string? hostDll = null;
        var postgres = false;
        var environment = Environment.GetEnvironmentVariable("IHUB_TEST_POSTGRES");
        var settings = new MailboxBenchSettings { HostDll = string.Empty, PostgresConnectionString = string.IsNullOrWhiteSpace(environment) ? null : environment };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Whole(int min) => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a whole number of at least {min}.");

            settings = args[i] switch
            {
                "--host-dll" => settings with { HostDll = hostDll = Path.GetFullPath(Value()) },
                "--count" => settings with { Count = Whole(1) },
                "--seed" => settings with { Seed = Whole(0) },
                "--samples" => settings with { SamplesDirectory = Path.GetFullPath(Value()) },
                "--paced" => settings with { Paced = Whole(1) },
                "--rate" => settings with
                {
                    Rate = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 100
                        ? r
                        : throw new ArgumentException("--rate needs mails per second between 0 and 100."),
                },
                "--no-paced" => settings with { PacedRun = false },
                "--imap" => settings with { Imap = Endpoint(Value(), 1143) },
                "--smtp" => settings with { Smtp = Endpoint(Value(), 2525) },
                "--postgres" => Require(settings, out postgres),
                "--no-postgres" => settings with { PostgresConnectionString = null },
                "--only" => settings with
                {
                    Only = Value() is "sqlite" or "postgresql" ? args[i] : throw new ArgumentException("--only takes sqlite or postgresql."),
                },
                "--keep" => settings with { Keep = true },
                "--command" => settings with { Command = Value() },
                "--hub-arg" => settings with { HubArguments = [.. settings.HubArguments, Value()] },
                // run.sh's mode switch; harmless when given to the bench itself.
                "--mailbox" => settings,
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (hostDll is null || !File.Exists(hostDll))
        {
            throw new ArgumentException(hostDll is null
                ? "--host-dll is required (build it with: dotnet build hub/IntegrationHub.Host -c Release)."
                : $"--host-dll {hostDll} does not exist (build it with: dotnet build hub/IntegrationHub.Host -c Release).");
        }

        if (!Directory.Exists(settings.SamplesDirectory) || !Directory.EnumerateFiles(settings.SamplesDirectory, "*.eml").Any())
        {
            throw new ArgumentException($"--samples {settings.SamplesDirectory} holds no .eml files (run from the repository root, or pass --samples samples/mail).");
        }

        if ((postgres || settings.Only == "postgresql") && string.IsNullOrWhiteSpace(settings.PostgresConnectionString))
        {
            throw new ArgumentException("--postgres needs IHUB_TEST_POSTGRES; eval \"$(scripts/test-services.sh start)\" sets it.");
        }

        return settings;
    }

    /// <summary>HOST:PORT of a test server, which must be on loopback: the bench sends mail nowhere else.</summary>
    private static DnsEndPoint Endpoint(string? text, int defaultPort)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DnsEndPoint("127.0.0.1", defaultPort);
        }

        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? text : text[..colon];
        var port = defaultPort;
        if (colon >= 0 && !(int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535))
        {
            throw new ArgumentException($"{text} is not HOST:PORT.");
        }

        if (!(host == "localhost" || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address))))
        {
            throw new ArgumentException($"{text}: the bench talks to mail servers on loopback only (127.0.0.1, ::1 or localhost).");
        }

        return new DnsEndPoint(host, port);
    }

    private static MailboxBenchSettings Require(MailboxBenchSettings settings, out bool postgres)
    {
        postgres = true;
        return settings;
    }
}
