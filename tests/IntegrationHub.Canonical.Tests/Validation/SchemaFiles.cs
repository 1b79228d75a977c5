using System.Text.Json;

namespace IntegrationHub.Canonical.Tests.Validation;

/// <summary>Locates <c>schemas/sambruk-case-event/v1</c> by walking up to the folder holding IntegrationHub.sln.</summary>
internal static class SchemaFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    public static string SchemaDirectory => Path.Combine(Root.Value, "schemas", "sambruk-case-event", "v1");

    public static string SchemaPath => Path.Combine(SchemaDirectory, "case-event.schema.json");

    public static string ValidDirectory => Path.Combine(SchemaDirectory, "examples", "valid");

    public static string InvalidDirectory => Path.Combine(SchemaDirectory, "examples", "invalid");

    public static string ExpectedErrorsPath => Path.Combine(InvalidDirectory, "expected-errors.json");

    public static IReadOnlyList<string> ValidExampleNames() => Names(ValidDirectory);

    public static IReadOnlyList<string> InvalidExampleNames() => Names(InvalidDirectory);

    public static JsonDocument Parse(string path) => JsonDocument.Parse(File.ReadAllText(path));

    private static List<string> Names(string directory) =>
        Directory.GetFiles(directory, "*.json")
            .Select(path => Path.GetFileName(path))
            .Where(name => name != "expected-errors.json")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IntegrationHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("IntegrationHub.sln was not found above " + AppContext.BaseDirectory);
    }
}
