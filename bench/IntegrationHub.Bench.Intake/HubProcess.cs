using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// The real hub: <c>dotnet IntegrationHub.Host.dll</c> started in its bin folder on a free loopback
/// port, its output written to a log file, stopped (SIGTERM, then kill) when disposed.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private int _stopped;
    private bool _logClosed;

    private HubProcess(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    /// <summary>The hub's CPU time so far (user + system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The command line the hub was started with, for the report.</summary>
    public string CommandLine { get; private init; } = string.Empty;

    /// <summary>Starts the hub and waits until <c>/health</c> answers 200.</summary>
    public static async Task<HubProcess> StartAsync(string hostDll, IReadOnlyList<string> settings, IReadOnlyDictionary<string, string> environment, string logPath, CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
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

        // The hub's settings are the bench's only: none from the caller's environment leak in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Hub__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var hub = new HubProcess(process, log, baseAddress, logPath)
        {
            CommandLine = string.Concat(environment.Keys.Select(k => $"{k}=… "))
                + "dotnet " + string.Join(' ', info.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a)),
        };
        process.OutputDataReceived += (_, e) => hub.WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => hub.WriteLog(e.Data);
        if (!process.Start())
        {
            throw new BenchException("dotnet could not be started.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HubClient(baseAddress);
        var deadline = Stopwatch.StartNew();
        while (!await client.IsHealthyAsync(cancellationToken))
        {
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

            await Task.Delay(HealthPollInterval, cancellationToken); // a bounded poll for the condition above
        }

        return hub;
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
                using (var term = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false }))
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
