using System.Globalization;
using System.Text;

namespace IntegrationHub.Bench.Intake;

/// <summary>The first lines of every report: what ran, when, how long, with which command, on what machine.</summary>
internal static class ReportHeader
{
    public static void Write(StringBuilder s, string title, BenchSettings settings, string machine, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        s.AppendLine();
        s.AppendLine(c, $"IntegrationHub {title}, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {elapsed.TotalSeconds:F0} s");
        s.AppendLine(c, $"command:  {(settings.Command.Length > 0 ? settings.Command : "IntegrationHub.Bench.Intake " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)))}");
        s.AppendLine(machine);
    }
}
