namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>Files of the repository the tests use as they are shipped (samples, examples).</summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IntegrationHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("IntegrationHub.sln was not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The full path of a file given relative to the repository's root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);

    /// <summary>The files matching <paramref name="pattern"/> in a folder of the repository, by name.</summary>

    public static IReadOnlyList<string> In(string folder, string pattern) =>
        [.. Directory.GetFiles(Path.Combine(Root.Value, folder), pattern).Order(StringComparer.Ordinal)];
}
