using System.Diagnostics;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>Runs <c>scripts/test-services.sh</c>, e.g. to stop and start the RabbitMQ node in the middle of a test.</summary>
internal static class TestServices
{
    public static Task RabbitMqStopAsync(CancellationToken cancellationToken) => RunAsync("rabbitmq-stop", cancellationToken);

    /// <summary>Returns once the broker accepts AMQP connections again.</summary>
    public static Task RabbitMqStartAsync(CancellationToken cancellationToken) => RunAsync("rabbitmq-start", cancellationToken);

    private static async Task RunAsync(string command, CancellationToken cancellationToken)
    {
        var script = Path.Combine(Examples.RepositoryRoot(), "scripts", "test-services.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/test-services.sh {command} exited with {process.ExitCode}: {await errors}{await output}");
        }
    }
}
