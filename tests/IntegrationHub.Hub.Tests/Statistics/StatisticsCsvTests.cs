using System.Text;
using IntegrationHub.Hub.Apis.Statistics;
using IntegrationHub.Hub.Statistics;

namespace IntegrationHub.Hub.Tests.Statistics;

/// <summary>The CSV for Swedish Excel: BOM, semicolons, Swedish column names, decimal comma, a total row.</summary>
public sealed class StatisticsCsvTests
{
    private static readonly StatisticsFigures Bygglov = new(
        12, 9, 30, new HandlingTimeFigures(9, 41.5m, 63.25m), new ServicePromiseFigures(7, 2, 3), 1, new KlarmarkeringFigures(0, 0));

    private static readonly StatisticsFigures Nedskrapning = new(
        4, 4, 0, new HandlingTimeFigures(4, 6m, 9.13m), new ServicePromiseFigures(3, 1, 0), 0, new KlarmarkeringFigures(1, 2));

    private static readonly StatisticsFigures Totals = new(
        16, 13, 30, new HandlingTimeFigures(13, 35.04m, 60m), new ServicePromiseFigures(10, 3, 3), 1, new KlarmarkeringFigures(1, 2));

    private static readonly StatisticsReport Report = new(
        "2281",
        new StatisticsPeriod(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31)),
        new DateTimeOffset(2026, 3, 31, 22, 0, 0, TimeSpan.Zero),
        null,
        null,
        Totals,
        [new StatisticsGroup("bygglov", "bygglovsenheten", 50, Bygglov), new StatisticsGroup("nedskrapning", null, 10, Nedskrapning)]);

    private static async Task<byte[]> Write(StatisticsReport report)
    {
        using var output = new MemoryStream();
        await StatisticsCsv.WriteAsync(output, report, CancellationToken.None);
        return output.ToArray();
    }

    private static string[] Lines(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Csv_StartsWithAByteOrderMark_AndASwedishHeaderSeparatedBySemicolons()
    {
        var bytes = await Write(Report);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var header = Lines(bytes)[0];
        Assert.Equal(string.Join(';', StatisticsCsv.Columns), header);
        Assert.StartsWith("Ärendetyp;Enhet;Servicelöfte (arbetsdagar);Öppnade;Avslutade;Öppna vid periodens slut;", header);
    }

    [Fact]
    public async Task Csv_HasOneRowPerGroup_WithDecimalCommas_ThenTheTotalRow()
    {
        var lines = Lines(await Write(Report));

        Assert.Equal(4, lines.Length);
        Assert.Equal("bygglov;bygglovsenheten;50;12;9;30;41,50;63,25;7;2;3;1;0;0", lines[1]);
        Assert.Equal("nedskrapning;(saknas);10;4;4;0;6,00;9,13;3;1;0;0;1;2", lines[2]);
        Assert.Equal("Totalt;;;16;13;30;35,04;60,00;10;3;3;1;1;2", lines[3]);
    }

    [Fact]
    public async Task Csv_WithNoClosedCases_LeavesTheHandlingTimeCellsEmpty()
    {
        var empty = new StatisticsFigures(0, 0, 0, new HandlingTimeFigures(0, null, null), new ServicePromiseFigures(0, 0, 0), 0, new KlarmarkeringFigures(0, 0));

        var lines = Lines(await Write(Report with { Totals = empty, Groups = [] }));

        Assert.Equal(2, lines.Length);
        Assert.Equal("Totalt;;;0;0;0;;;0;0;0;0;0;0", lines[1]);
    }

    [Fact]
    public async Task Csv_EscapesCaseTypesThatASpreadsheetWouldRunAsAFormula()
    {
        var hostile = Report with { Groups = [new StatisticsGroup("=HYPERLINK(\"http://example.invalid\")", "enhet;1", null, Bygglov)] };

        var row = Lines(await Write(hostile))[1];

        Assert.DoesNotContain(";=HYPERLINK", ";" + row, StringComparison.Ordinal);
        Assert.Contains("\"enhet;1\"", row, StringComparison.Ordinal);
    }
}
