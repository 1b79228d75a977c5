using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>The real hub executable in its own process, as an IT department runs it.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Starts the host on a free loopback port with the given extra arguments.</summary>
    public static HostProcess Start(params string[] arguments) =>
        StartOn(new Uri($"http://127.0.0.1:{FreePort()}"), arguments);

    /// <summary>Starts the host on a given address.</summary>
    public static HostProcess StartOn(Uri address, params string[] arguments)
    {
        var hostDll = Path.Combine(HostDirectory(), "IntegrationHub.Host.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = HostDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var (key, value) in TestKeys.HubSettings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the hub process.");
        return new HostProcess(process, address);
    }

    /// <summary>A client presenting the administrator key the process was started with.</summary>
    public static HttpClient NewClient(TimeSpan timeout) => new HttpClient { Timeout = timeout }.WithKey();

    /// <summary>Waits until /health answers 200.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient client)
    {
        await Eventually.True(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The hub exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                return (await client.GetAsync(new Uri(BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "the hub to answer /health", TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits for the process to exit by itself.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The host's own build output, next to this test project's (same configuration).</summary>
    private static string HostDirectory()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "IntegrationHub.sln")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("IntegrationHub.sln not found above the test output."),
            "hub", "IntegrationHub.Host", "bin", configuration, framework);
    }
}
