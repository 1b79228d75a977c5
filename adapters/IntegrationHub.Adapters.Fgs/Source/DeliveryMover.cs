using System.Globalization;
using IntegrationHub.Adapters.Fgs.Mapping;
using IntegrationHub.Adapters.Fgs.Reading;

namespace IntegrationHub.Adapters.Fgs.Source;

/// <summary>
/// Moves deliveries out of the drop folder: imported ones with their attachment files into
/// <c>imported/{timestamp}-{name}/</c>, refused ones into <c>rejected/</c> beside a <c>{name}.error.txt</c> that says why.
/// </summary>
internal sealed class DeliveryMover(string folder, TimeProvider timeProvider)
{
    public const string ImportedFolder = "imported";
    public const string RejectedFolder = "rejected";

    /// <summary>
    /// Moves the XML first (that alone marks the delivery done, so a crash half-way never re-imports or rejects it), then
    /// its files, keeping their paths relative to the XML; folders the files leave empty are removed.
    /// </summary>
    public string MoveImported(string xmlPath, IEnumerable<string> files)
    {
        var root = Path.GetFullPath(folder);
        var target = UniqueDirectory(Path.Combine(root, ImportedFolder, $"{Stamp()}-{Path.GetFileNameWithoutExtension(xmlPath)}"));
        Directory.CreateDirectory(target);
        File.Move(xmlPath, Path.Combine(target, Path.GetFileName(xmlPath)));
        foreach (var file in files.Where(File.Exists))
        {
            var relative = Path.GetRelativePath(root, file);
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(file, destination, overwrite: true);
            RemoveEmptyParents(root, Path.GetDirectoryName(file)!);
        }

        return target;
    }

    /// <summary>Writes the reason, then moves the XML beside it; its attachment files stay where they are, ready for a corrected file.</summary>
    public string MoveRejected(string xmlPath, FgsFormatException error)
    {
        var rejected = Path.Combine(Path.GetFullPath(folder), RejectedFolder);
        Directory.CreateDirectory(rejected);
        // An earlier rejection of the same name keeps its file and its reason: the new pair gets "-2", "-3" ….
        var stem = Path.GetFileNameWithoutExtension(xmlPath);
        var extension = Path.GetExtension(xmlPath);
        var candidate = stem;
        for (var n = 2; File.Exists(Path.Combine(rejected, candidate + extension)) || File.Exists(Path.Combine(rejected, candidate + ".error.txt")); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }

        var destination = Path.Combine(rejected, candidate + extension);
        var errorFile = Path.Combine(rejected, candidate + ".error.txt");
        File.WriteAllText(errorFile, ErrorText(error, Path.GetFileName(xmlPath)));
        File.Move(xmlPath, destination);
        return Path.GetFileName(destination);
    }

    private string ErrorText(FgsFormatException error, string name) => string.Create(CultureInfo.InvariantCulture, $"""
        {error.Message}

        File:     {error.FileName}
        Line:     {error.Line}
        Position: {error.Position}
        Element:  {error.ElementPath}
        Rule:     {error.Rule}
        Code:     {error.Code}
        Rejected: {timeProvider.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss'Z'}

        Nothing of this delivery was imported. Correct the file (or have it exported again) and move it back into
        the drop folder as {name}: it is then read again from scratch. Its attachment files were left in place.

        """);

    private string Stamp() => timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string UniqueDirectory(string path)
    {
        var candidate = path;
        for (var n = 2; Directory.Exists(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{path}-{n}");
        }

        return candidate;
    }

    private static void RemoveEmptyParents(string root, string directory)
    {
        while (!string.Equals(Path.GetFullPath(directory), root, StringComparison.Ordinal)
            && AttachmentFiles.Resolve(root, Path.GetRelativePath(root, directory)) is not null
            && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }
}
