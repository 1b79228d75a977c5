using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Adapters.Fgs.Reading;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>
/// Finds and checks the files a delivery's Bilaga elements point at. Every Lank must be a relative path that stays inside
/// the delivery folder (never an absolute path, a URL or <c>..</c> out of it: a delivery must not make the hub read other
/// files), the file must exist, and where the Bilaga gives them its Storlek and SHA-256 Checksumma must match. All files
/// are checked before anything is stored, so a bad attachment stores nothing.
/// </summary>
internal static class AttachmentFiles
{
    private static readonly HashSet<string> Sha256Names = new(StringComparer.OrdinalIgnoreCase) { "SHA-256", "SHA256", "SHA 256", "SHA2-256" };

    public static async Task<IReadOnlyDictionary<FgsAttachment, VerifiedFile>> VerifyAsync(
        FgsDelivery delivery, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder);
        var verified = new Dictionary<FgsAttachment, VerifiedFile>(ReferenceEqualityComparer.Instance);
        foreach (var attachment in delivery.Cases.SelectMany(c => c.Documents).Concat(delivery.Documents).SelectMany(d => d.Attachments))
        {
            verified[attachment] = await VerifyAsync(delivery.FileName, attachment, root, maxBytes, cancellationToken);
        }

        return verified;
    }

    /// <summary>The full path a Lank names, or null when it is not a relative path inside <paramref name="root"/>.</summary>
    public static string? Resolve(string root, string link)
    {
        var relative = Uri.UnescapeDataString(link.Trim()).Replace('\\', '/');
        if (relative.StartsWith("./", StringComparison.Ordinal))
        {
            relative = relative[2..];
        }

        if (relative.Length == 0 || relative.StartsWith('/') || relative.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        var inside = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(inside, StringComparison.Ordinal) ? full : null;
    }

    private static async Task<VerifiedFile> VerifyAsync(string fileName, FgsAttachment attachment, string root, long maxBytes, CancellationToken cancellationToken)
    {
        var at = attachment.Location;
        FgsFormatException Error(string attribute, string code, string rule) =>
            new(fileName, at.Line, at.Position, $"{at.Path}/@{attribute}", code, rule);

        var path = Resolve(root, attachment.Link)
            ?? throw Error("Lank", FgsErrorCodes.AttachmentLink, $"Lank '{attachment.Link}' must be a relative path to a file inside the delivery folder");
        if (!File.Exists(path))
        {
            throw Error("Lank", FgsErrorCodes.AttachmentMissing, $"the file '{attachment.Link}' of Bilaga '{attachment.Name}' is not in the delivery folder");
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            // A link could point anywhere on the hub's machine; a delivery brings its files with it.
            throw Error("Lank", FgsErrorCodes.AttachmentLink, $"the file '{attachment.Link}' of Bilaga '{attachment.Name}' is a symbolic link: deliver the file itself");
        }

        var length = info.Length;
        if (length > maxBytes)
        {
            throw Error("Lank", FgsErrorCodes.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"the file '{attachment.Link}' is {length} bytes, more than the {maxBytes} bytes allowed (MaxFileMegabytes)"));
        }

        if (attachment.Size is { } size && size != length)
        {
            throw Error("Storlek", FgsErrorCodes.AttachmentSize, string.Create(CultureInfo.InvariantCulture,
                $"Bilaga '{attachment.Name}' says {size} bytes but the file '{attachment.Link}' has {length}"));
        }

        string sha256;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }

        if (attachment.Checksum is { } checksum)
        {
            if (attachment.ChecksumMethod is { } method && !Sha256Names.Contains(method))
            {
                throw Error("ChecksummaMetod", FgsErrorCodes.ChecksumMethod, $"ChecksummaMetod '{method}' cannot be verified: export SHA-256 checksums");
            }

            if (!string.Equals(checksum, sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw Error("Checksumma", FgsErrorCodes.Checksum,
                    $"checksum mismatch for Bilaga '{attachment.Name}': the file '{attachment.Link}' has SHA-256 {sha256}, the Bilaga says {checksum}");
            }
        }

        return new VerifiedFile(path, sha256, length);
    }
}
