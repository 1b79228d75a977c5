using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs;

/// <summary>
/// One FGS drop folder: <c>Adapters:Fgs:{instance}</c>, e.g. <c>Adapters:Fgs:platina-arkiv</c>. A case system (Platina,
/// ByggR, Ciceron …) exports FGS Ärendehantering deliveries into <see cref="Folder"/>; the hub imports them.
/// </summary>
public sealed class FgsOptions
{
    /// <summary>The configuration section holding one entry per drop folder.</summary>
    public const string Section = "Adapters:Fgs";

    /// <summary>Every 30 seconds.</summary>
    public const string DefaultSchedule = "0/30 * * * * ?";

    /// <summary>Kommunkod of the municipality whose cases the deliveries hold.</summary>
    public string? Municipality { get; set; }

    /// <summary>The drop folder. The adapter creates <c>imported/</c> and <c>rejected/</c> inside it.</summary>
    public string? Folder { get; set; }

    /// <summary>False to configure a folder without watching it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The source system key the cases belong to, e.g. <c>platina</c> (lowercase letters, digits, dashes).</summary>
    public string SourceSystem { get; set; } = "fgs";

    /// <summary>When the folder is looked at: a Quartz cron expression, seconds first.</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>ArendeTyp as the exporting system writes it (compared without regard to case) → the hub's case type key.</summary>
    public Dictionary<string, string> CaseTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The case type of cases whose ArendeTyp is missing or not in <see cref="CaseTypes"/> (null: none).</summary>
    public string? DefaultCaseType { get; set; }

    /// <summary>The classification of events with no Restriktion (or one of Typ "Annan typ"), and at least of every event.</summary>
    public DataClassification DefaultClassification { get; set; } = DataClassification.Internal;

    /// <summary>A file is taken only when it (and its attachments) have not been written to for this many seconds.</summary>
    public int SettleSeconds { get; set; } = 5;

    /// <summary>The largest delivery XML, and the largest attachment file, read (MB).</summary>
    public int MaxFileMegabytes { get; set; } = 100;

    /// <summary>The time zone FGS dates (which have no offset) are in.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary><see cref="MaxFileMegabytes"/> in bytes.</summary>
    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    /// <summary>The time zone FGS dates are in.</summary>
    public TimeZoneInfo FindTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
