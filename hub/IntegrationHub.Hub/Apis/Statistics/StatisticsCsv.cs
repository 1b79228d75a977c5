using System.Globalization;
using CsvHelper;
using IntegrationHub.Hub.Statistics;

namespace IntegrationHub.Hub.Apis.Statistics;

/// <summary>
/// Ärendestatistik as CSV for spreadsheets: semicolon-separated UTF-8 with a byte order mark, as Swedish
/// Excel expects; Swedish column names; decimal comma; one row per case type and unit, then a total row.
/// Case types and unit ids come from source systems, so text a spreadsheet would run as a formula is escaped.
/// </summary>
public static class StatisticsCsv
{
    /// <summary>The first cell of the total row.</summary>
    public const string TotalText = "Totalt";

    /// <summary>What a group without a case type or unit shows.</summary>
    public const string MissingText = "(saknas)";

    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns => Header;

    private static readonly string[] Header =
    [
        "Ärendetyp", "Enhet", "Servicelöfte (arbetsdagar)", "Öppnade", "Avslutade", "Öppna vid periodens slut",
        "Handläggningstid median (dagar)", "Handläggningstid 90:e percentil (dagar)",
        "Servicelöfte hållna", "Servicelöfte brutna", "Servicelöfte pågående",
        "Försenade remisser", "Klarmarkering saknas, försenade", "Klarmarkering saknas, väntar",
    ];

    private static readonly CsvWriterOptions Options = new() { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>Writes the report: the header, one row per group, and the total row.</summary>
    public static async Task WriteAsync(Stream output, StatisticsReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var group in report.Groups)
        {
            await csv.WriteRecordAsync(Row(group.CaseType ?? MissingText, group.Unit ?? MissingText, group.ServicePromiseWorkingDays, group.Figures), cancellationToken);
        }

        await csv.WriteRecordAsync(Row(TotalText, string.Empty, null, report.Totals), cancellationToken);
        await csv.FlushAsync(cancellationToken);
    }

    private static string[] Row(string caseType, string unit, int? promiseDays, StatisticsFigures f) =>
    [
        caseType,
        unit,
        Number(promiseDays),
        Number(f.Opened),
        Number(f.Closed),
        Number(f.Backlog),
        Days(f.HandlingTime.MedianDays),
        Days(f.HandlingTime.Percentile90Days),
        Number(f.ServicePromises.Kept),
        Number(f.ServicePromises.Broken),
        Number(f.ServicePromises.Pending),
        Number(f.OverdueReferrals),
        Number(f.MissingKlarmarkering.Overdue),
        Number(f.MissingKlarmarkering.Waiting),
    ];

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Days(decimal? value) => value?.ToString("0.00", DecimalComma) ?? string.Empty;
}
