using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IntegrationHub.Bench.Common;

/// <summary>
/// The real hub: <c>dotnet IntegrationHub.Host.dll</c> in its bin folder on a free loopback port, its output in a log
/// file, stopped (SIGTERM, then kill) when disposed. Knows when it was started, its CPU time and its peak memory.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private int _stopped;
    private bool _logClosed;

    private HubProcess(Process process, StreamWriter log, Uri baseAddress, string logPath, string commandLine)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
        CommandLine = commandLine;
    }

    /// <summary>The hub currently running, so Ctrl+C and process exit can kill it.</summary>
    public static HubProcess? Current { get; private set; }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    /// <summary>The command line the hub was started with (environment variables named, their values not shown).</summary>
    public string CommandLine { get; }

    /// <summary>Wall-clock time just before the process was started.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Wall-clock time when <c>/health</c> first answered 200.</summary>
    public DateTimeOffset HealthyAt { get; private set; }

    /// <summary>The hub's CPU time so far (user + system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The peak resident set of the hub process so far (VmHWM in /proc/{pid}/status), null where unknown.</summary>
    public long? PeakWorkingSetBytes
    {
        get
        {
            try
            {
                var line = File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var value, "kB"] ? long.Parse(value, CultureInfo.InvariantCulture) : (long?)null;
                return kib * 1024;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>The installation-wide administrator key every hub the bench starts is given (X-Api-Key).</summary>
    public static string AdminKey { get; } =
        $"ihub_{System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12)}_{Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    /// <summary>Starts the hub and waits until <c>/health</c> answers 200.</summary>
    public static async Task<HubProcess> StartAsync(
        string hostDll, IReadOnlyList<string> settings, IReadOnlyDictionary<string, string> environment, string logPath, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(hostDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        // The hub's settings are the bench's only: none of the caller's Hub__* or Adapters__* variables leak in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Hub__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Adapters__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        // The hub's first administrator key is the bench's own (new each run); the rate limit would cap what is measured.
        info.Environment["IHUB_ADMIN_KEY"] = AdminKey;
        info.Environment["Hub__Security__RateLimit__Enabled"] = "false";

        var commandLine = string.Concat(environment.Keys.Select(k => $"{k}=… "))
            + "dotnet " + string.Join(' ', info.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var hub = new HubProcess(process, log, baseAddress, logPath, commandLine);
        process.OutputDataReceived += (_, e) => hub.WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => hub.WriteLog(e.Data);
        hub.StartedAt = DateTimeOffset.UtcNow;
        if (!process.Start())
        {
            throw new BenchException("dotnet could not be started.");
        }

        Current = hub;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    hub.HealthyAt = DateTimeOffset.UtcNow;
                    return hub;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken);
                var message = $"The hub exited with code {process.ExitCode} before it was healthy:{Environment.NewLine}{hub.LogTail(20)}";
                await hub.DisposeAsync();
                throw new BenchException(message);
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                var message = $"The hub was not healthy within 60 s:{Environment.NewLine}{hub.LogTail(20)}";
                await hub.DisposeAsync();
                throw new BenchException(message);
            }

            await Task.Delay(HealthPollInterval, cancellationToken); // a bounded poll for the conditions above
        }
    }

    /// <summary>The last lines of the hub's output.</summary>
    public string LogTail(int lines) => string.Join('\n', LogLines().TakeLast(lines));

    /// <summary>Every line of the hub's output so far (or one line saying why it cannot be read).</summary>
    public IReadOnlyList<string> LogLines()
    {
        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.Flush();
            }
        }

        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n');
        }
        catch (IOException e)
        {
            return [$"(the log {LogPath} cannot be read: {e.Message})"];
        }
    }

    /// <summary>Stops the hub: SIGTERM and up to 10 s for a graceful stop, then a kill of its process tree.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
                {
                    if (term is not null)
                    {
                        await term.WaitForExitAsync();
                    }
                }

                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Not started or already gone.
        }
        finally
        {
            _process.Dispose();
            lock (_logLock)
            {
                _logClosed = true;
                _log.Dispose();
            }

            if (ReferenceEquals(Current, this))
            {
                Current = null;
            }
        }
    }

    /// <summary>Kills at once, for Ctrl+C and process exit; safe to call from any thread.</summary>
    public void KillNow()
    {
        if (Volatile.Read(ref _stopped) == 1)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
