using System.Diagnostics;

namespace IntegrationHub.Bench.Common;

/// <summary>
/// What every bench's Main does around its scenarios: Ctrl+C and process exit kill the hub, a work folder for the
/// hub's data and logs (deleted afterwards unless kept), the machine's description with how busy it was before, the
/// report on stdout, progress and failures on stderr, and the exit code (0 done, 1 failed, 130 cancelled).
/// </summary>
public static class BenchMain
{
    /// <param name="workPrefix">The work folder's name prefix under the temp folder.</param>
    /// <param name="keep">Keep the work folder.</param>
    /// <param name="keptWhat">What the kept folder (and anything else kept) holds, for the closing line.</param>
    /// <param name="run">The scenarios: (work folder, machine description, progress, token) → the report.</param>
    public static async Task<int> RunAsync(
        string workPrefix, bool keep, string keptWhat, Func<string, string, TextWriter, CancellationToken, Task<string>> run)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            HubProcess.Current?.KillNow();
            cancellation.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => HubProcess.Current?.KillNow();

        var progress = Console.Error;
        var workDirectory = Directory.CreateTempSubdirectory(workPrefix).FullName;
        try
        {
            var machine = MachineFacts.Describe(workDirectory);
            var busy = await MachineFacts.CpuBusyPercentAsync(cancellation.Token);
            machine += Environment.NewLine + (busy is { } percent
                ? $"before:   the CPUs were {Stats.F(percent, 0)} % busy in the second before the run (other processes; the bench had not started the hub yet)"
                  + (percent > 20 ? " - the figures are disturbed by them" : string.Empty)
                : "before:   CPU use unknown");
            Console.Out.Write(await run(workDirectory, machine, progress, cancellation.Token));
            return 0;
        }
        catch (BenchException e)
        {
            await progress.WriteLineAsync($"[bench] failed: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await progress.WriteLineAsync("[bench] cancelled");
            return 130;
        }
        finally
        {
            if (HubProcess.Current is { } hub)
            {
                await hub.DisposeAsync();
            }

            if (keep)
            {
                await progress.WriteLineAsync($"[bench] kept {workDirectory} ({keptWhat})");
            }
            else
            {
                try
                {
                    Directory.Delete(workDirectory, recursive: true);
                }
                catch (IOException e)
                {
                    await progress.WriteLineAsync($"[bench] could not delete {workDirectory}: {e.Message}");
                }
            }
        }
    }
}
