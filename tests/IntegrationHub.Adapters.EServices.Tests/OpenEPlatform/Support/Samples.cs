namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;

/// <summary>The shipped samples (samples/open-eplatform), copied beside the tests.</summary>
internal static class Samples
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "open-eplatform", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));
}
