using System.Globalization;
using CsvHelper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Hub.Apis.Diary;

/// <summary>
/// The public diary as CSV for spreadsheets: semicolon-separated UTF-8 with a byte order mark, as
/// Swedish Excel expects; Swedish column names; withheld fields say so instead of being empty; text
/// that a spreadsheet would run as a formula is escaped (descriptions come from citizens' mail).
/// </summary>
public static class DiaryCsv
{
    /// <summary>What a withheld field shows.</summary>
    public const string WithheldText = "Sekretess";

    private static readonly string[] Header =
        ["Diarium", "Diarienummer", "Löpnummer", "Datum", "Registrerad", "Riktning", "Handlingstyp", "Avsändare/mottagare", "Beskrivning", "Sekretess", "Status"];

    private static readonly CsvWriterOptions Options = new() { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    /// <summary>Writes the entries.</summary>
    public static async Task WriteAsync(Stream output, IEnumerable<DiaryEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var entry in entries)
        {
            await csv.WriteRecordAsync(
            [
                entry.Diary,
                entry.Diarienummer,
                entry.DocumentNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                entry.DocumentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                entry.RegisteredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Direction(entry),
                entry.DocumentType ?? string.Empty,
                entry.Withheld ? WithheldText : entry.Correspondent ?? string.Empty,
                entry.Withheld ? WithheldText : entry.Description ?? string.Empty,
                entry.Restriction is { } r ? $"{RestrictionName(r.Type)} {r.LegalReference}".Trim() : string.Empty,
                entry.Status == RegistrationStatus.Annulled ? $"Makulerad: {entry.AnnulmentReason}" : "Aktiv",
            ], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string RestrictionName(RestrictionType type) => type switch
    {
        RestrictionType.Sekretess => "Sekretess",
        RestrictionType.Integritet => "Integritet",
        _ => "Annan typ",
    };

    private static string Direction(DiaryEntry entry) => entry.Direction switch
    {
        DocumentDirection.Incoming => "Inkommen",
        DocumentDirection.DrawnUp => "Upprättad",
        DocumentDirection.Sent => "Expedierad",
        _ => "Ärende",
    };
}
