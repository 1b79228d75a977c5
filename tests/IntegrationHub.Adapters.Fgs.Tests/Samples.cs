namespace IntegrationHub.Adapters.Fgs.Tests;

/// <summary>The sample deliveries of samples/fgs, copied beside the tests.</summary>
internal static class Samples
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "samples", "fgs");

    public static string ValidFolder { get; } = Path.Combine(Root, "valid");

    public static string InvalidFolder { get; } = Path.Combine(Root, "invalid");

    public static string Valid(string name) => Path.Combine(ValidFolder, name);

    public static string Invalid(string name) => Path.Combine(InvalidFolder, name);

    public static IEnumerable<string> ValidNames() => Directory.EnumerateFiles(ValidFolder, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>Copies a sample file and every file under its folder's <c>filer/</c> into <paramref name="folder"/>.</summary>
    public static string CopyInto(string samplePath, string folder, string? asName = null)
    {
        var sourceFolder = Path.GetDirectoryName(samplePath)!;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(sourceFolder, "filer"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(sourceFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var xml = Path.Combine(folder, asName ?? Path.GetFileName(samplePath));
        File.Copy(samplePath, xml, overwrite: true);
        return xml;
    }
}
