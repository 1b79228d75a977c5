namespace IntegrationHub.Adapters.EdpFuture.Tests.Simulation;

/// <summary>The recorded-style Future answers in samples/edp-future, copied beside the tests.</summary>
internal static class Samples
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "edp-future", file);

    public static string Read(string file) => File.ReadAllText(Path(file));
}
