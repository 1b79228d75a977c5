using System.Globalization;
using System.Text;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>Makes file names from mail parts safe to store and unique within one mail.</summary>
internal static class FileNames
{
    /// <summary>The maximum length in characters and in UTF-8 bytes (ext4, NTFS and most archives accept 255).</summary>
    public const int MaxLength = 255;

    private static readonly HashSet<string> ReservedWindowsNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// A safe version of <paramref name="name"/>, or <see langword="null"/> when nothing usable is left.
    /// Unicode is normalised to NFC (so a macOS "a + ring" becomes å), path separators, characters that
    /// Windows forbids and control/format characters (including bidi overrides) become <c>_</c>, leading and
    /// trailing dots and spaces are removed, and the name is shortened to 255 characters and 255 UTF-8 bytes
    /// keeping its extension.
    /// </summary>
    public static string? Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var normalized = name.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value is '\t' or '\r' or '\n')
            {
                builder.Append(' ');
            }
            else if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                     or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                     or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                builder.Append('_');
            }
            else if (rune.Value is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        var cleaned = CollapseSpaces(builder.ToString()).Trim(' ', '.');
        if (cleaned.Length == 0 || cleaned.All(c => c == '_'))
        {
            return null;
        }

        var stem = StemOf(cleaned);
        if (ReservedWindowsNames.Contains(stem))
        {
            cleaned = "_" + cleaned;
        }

        return Shorten(cleaned, MaxLength);
    }

    /// <summary>Makes a file name from a subject, for a forwarded message: sanitised subject + <paramref name="extension"/>.</summary>
    public static string? FromSubject(string? subject, string extension)
    {
        var sanitized = Sanitize(subject);
        if (sanitized is null)
        {
            return null;
        }

        // Leave room for the extension; Shorten keeps the last extension, which a subject does not have.
        return Shorten(sanitized + extension, MaxLength);
    }

    /// <summary>Returns <paramref name="name"/>, or "name (2).ext", "name (3).ext"... when already used in this mail.</summary>
    public static string MakeUnique(string name, ISet<string> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        if (used.Add(name))
        {
            return name;
        }

        var extension = ExtensionOf(name);
        var stem = name[..^extension.Length];
        for (var i = 2; ; i++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $" ({i})");
            var candidate = Shorten(stem + suffix + extension, MaxLength, suffix.Length + extension.Length);
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private static string Shorten(string name, int max, int keepTail = -1)
    {
        if (name.Length <= max && Encoding.UTF8.GetByteCount(name) <= max)
        {
            return name;
        }

        var tail = keepTail >= 0 ? name[^keepTail..] : ExtensionOf(name);
        if (tail.Length > 32)
        {
            tail = string.Empty; // not a real extension, just a long name with a dot in it
        }

        var head = name[..^tail.Length];
        var budget = max - Encoding.UTF8.GetByteCount(tail);
        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in head.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > budget || builder.Length + rune.Utf16SequenceLength + tail.Length > max)
            {
                break;
            }

            builder.Append(rune.ToString());
            bytes += size;
        }

        return builder.ToString().TrimEnd(' ', '.') + tail;
    }

    private static string CollapseSpaces(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                if (!previousSpace)
                {
                    builder.Append(c);
                }

                previousSpace = true;
            }
            else
            {
                builder.Append(c);
                previousSpace = false;
            }
        }

        return builder.ToString();
    }

    private static string ExtensionOf(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? string.Empty : name[dot..];
    }

    private static string StemOf(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }
}
