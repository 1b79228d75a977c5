using System.Text;

namespace IntegrationHub.Adapters.Fgs.Export;

/// <summary>
/// Names for the attachment files of an export: the attachment's own name made safe for any file system, and when two
/// different files share a name the later one gets part of its hash. The same file named twice is written once.
/// </summary>
internal sealed class ExportFiles(string folder)
{
    private readonly Dictionary<string, string> _shaByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _nameBySha = new(StringComparer.Ordinal);

    /// <summary>The Lank (relative to the XML) for the file, and whether it still has to be written.</summary>
    public (string Link, bool IsNew) Place(string name, string sha256)
    {
        if (_nameBySha.TryGetValue(sha256 + "\n" + name, out var known))
        {
            return (known, false);
        }

        var safe = Safe(name, sha256);
        if (_shaByName.TryGetValue(safe, out var other) && other != sha256)
        {
            safe = $"{Path.GetFileNameWithoutExtension(safe)}-{sha256[..12]}{Path.GetExtension(safe)}";
        }

        _shaByName[safe] = sha256;
        var link = $"{folder}/{safe}";
        _nameBySha[sha256 + "\n" + name] = link;
        return (link, true);
    }

    private static string Safe(string name, string sha256)
    {
        var builder = new StringBuilder();
        foreach (var c in Path.GetFileName(name.Replace('\\', '/')).Normalize(NormalizationForm.FormC))
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var safe = builder.ToString().Trim('.');
        return safe.Length == 0 ? sha256 : safe[..Math.Min(safe.Length, 150)];
    }
}
