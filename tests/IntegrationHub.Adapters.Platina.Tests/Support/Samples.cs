namespace IntegrationHub.Adapters.Platina.Tests.Support;

/// <summary>The contract's sample payloads (samples/platina), copied beside the tests.</summary>
internal static class Samples
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "platina", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static byte[] SampleFile(string fileId) => File.ReadAllBytes(Path(System.IO.Path.Combine("files", fileId + ".pdf")));
}
