using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace IntegrationHub.Bench.Common;

/// <summary>What the figures depend on: cores, CPU, memory, OS, .NET, and the disk the data lives on.</summary>
public static class MachineFacts
{
    /// <summary>How busy the CPUs were over one second (0–100 %, all cores), from /proc/stat; null when unknown.</summary>
    public static async Task<double?> CpuBusyPercentAsync(CancellationToken cancellationToken)
    {
        var before = ReadCpuTicks();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var after = ReadCpuTicks();
        if (before is null || after is null || after.Value.Total <= before.Value.Total)
        {
            return null;
        }

        var total = after.Value.Total - before.Value.Total;
        var idle = after.Value.Idle - before.Value.Idle;
        return 100.0 * (total - idle) / total;
    }

    public static string Describe(string dataDirectory)
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadField("/proc/meminfo", "MemTotal") is { } total
            && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture, out var kib)
                ? $"{Stats.F(kib / 1024.0 / 1024.0)} GiB"
                : "? GiB";
        var os = ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        var kernel = ReadFirstLine("/proc/sys/kernel/osrelease") is { } release ? $"Linux {release}" : Environment.OSVersion.VersionString;
        return string.Join(Environment.NewLine,
            $"machine:  {Environment.ProcessorCount} cores ({cpu}), {memory} RAM",
            $"os:       {os}, {kernel}",
            $".NET:     {RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})",
            $"disk:     {Filesystem(dataDirectory)}; fsync of a 4 KiB write: median {Stats.F(FsyncMilliseconds(dataDirectory), 2)} ms");
    }

    /// <summary>The filesystem the path is on, from the longest matching mount point.</summary>
    private static string Filesystem(string path)
    {
        try
        {
            var best = File.ReadAllLines("/proc/mounts")
                .Select(line => line.Split(' '))
                .Where(f => f.Length >= 3 && (path == f[1] || path.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
                .MaxBy(f => f[1].Length);
            return best is null ? path : $"{path} on {best[2]} ({best[0]})";
        }
        catch (IOException)
        {
            return path;
        }
    }

    /// <summary>Median time of write + fsync, what SQLite's synchronous=FULL pays at least once per commit.</summary>
    private static double FsyncMilliseconds(string directory)
    {
        var file = Path.Combine(directory, "fsync-probe");
        var block = new byte[4096];
        var times = new List<double>(50);
        using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            for (var i = 0; i < 50; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                stream.Write(block);
                stream.Flush(flushToDisk: true);
                times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        }

        File.Delete(file);
        return Stats.Percentile(times, 50);
    }

    private static (long Total, long Idle)? ReadCpuTicks()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = ReadFirstLine("/proc/stat")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is null || fields.Length < 6 || fields[0] != "cpu")
        {
            return null;
        }

        var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (ticks.Sum(), ticks[3] + ticks[4]);
    }

    private static string? ReadFirstLine(string file)
    {
        try
        {
            return File.ReadLines(file).FirstOrDefault()?.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadField(string file, string key, char separator = ':')
    {
        try
        {
            return File.ReadLines(file)
                .Select(line => line.Split(separator, 2))
                .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
                .Select(parts => parts[1].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
