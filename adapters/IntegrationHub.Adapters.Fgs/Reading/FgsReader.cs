using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using IntegrationHub.Adapters.Fgs.Model;

namespace IntegrationHub.Adapters.Fgs.Reading;

/// <summary>
/// Reads an FGS Ärendehantering delivery (<c>Leveransobjekt</c>, namespace <c>http://xml.ra.se/e-arkiv/FGS-ERMS</c>) whole:
/// either the file is valid and the complete model comes back, or an <see cref="FgsFormatException"/> says where and
/// why it is not. A DOCTYPE is refused (no DTD, no external entities: XXE) and files above the size limit are not read.
/// Elements the hub has no use for (EgnaElement, TillkommandeXMLdata, Fastighet …) are skipped; element order is not
/// checked, because exports differ and the meaning does not depend on it.
/// </summary>
/// <param name="maxBytes">The largest file read (MaxFileMegabytes).</param>
public sealed class FgsReader(long maxBytes = FgsReader.DefaultMaxBytes)
{
    /// <summary>100 MB.</summary>
    public const long DefaultMaxBytes = 100L * 1024 * 1024;

    /// <summary>Reads a delivery file.</summary>
    /// <exception cref="FgsFormatException">The file is not a valid, importable FGS delivery.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public async Task<FgsDelivery> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
        {
            throw TooLarge(name, length);
        }

        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        return Parse(content, name);
    }

    /// <summary>Reads a delivery from its bytes.</summary>
    /// <param name="content">The XML file's bytes (its encoding is taken from the BOM or the XML declaration).</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <exception cref="FgsFormatException">The content is not a valid, importable FGS delivery.</exception>
    public FgsDelivery Parse(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > maxBytes)
        {
            throw TooLarge(fileName, content.LongLength);
        }

        var document = Load(content, fileName);
        var root = document.Root!;
        var rootNode = new FgsNode(root, "/" + root.Name.LocalName, fileName);
        if (root.Name.LocalName != FgsNames.Root)
        {
            throw rootNode.Error(FgsErrorCodes.Root, $"the root element is {root.Name.LocalName}, an FGS delivery has {FgsNames.Root}");
        }

        if (root.Name.NamespaceName != FgsNames.NamespaceUri)
        {
            var found = root.Name.NamespaceName.Length == 0 ? "no namespace" : $"namespace {root.Name.NamespaceName}";
            throw rootNode.Error(FgsErrorCodes.Namespace, $"{FgsNames.Root} must be in namespace {FgsNames.NamespaceUri}, found {found}");
        }

        var cases = rootNode.Single("ArkivobjektListaArenden")?.Many("ArkivobjektArende").Select(FgsElementReader.Case).ToList() ?? [];
        var seen = new Dictionary<string, FgsCase>(StringComparer.Ordinal);
        foreach (var fgsCase in cases)
        {
            if (!seen.TryAdd(fgsCase.Id, fgsCase))
            {
                throw rootNode.ErrorAt(fgsCase.Location, "/ArkivobjektID", FgsErrorCodes.DuplicateId,
                    $"ArkivobjektID '{fgsCase.Id}' is also used by an earlier ArkivobjektArende ({seen[fgsCase.Id].Location})");
            }
        }

        var documents = rootNode.Single("ArkivobjektListaHandlingar")?.Many("ArkivobjektHandling").Select(FgsElementReader.Document).ToList() ?? [];
        return new FgsDelivery(fileName, Convert.ToHexStringLower(SHA256.HashData(content)), cases, documents);
    }

    private XDocument Load(byte[] content, string fileName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = maxBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // Prohibit makes the reader throw at the DOCTYPE (without a line); say so plainly, and where.
            if (Doctype(content) is { } at)
            {
                throw new FgsFormatException(fileName, at.Line, at.Position, "/", FgsErrorCodes.Dtd,
                    "a DOCTYPE (DTD) is not allowed in an FGS delivery: remove it (entities could read files outside the delivery)");
            }

            throw new FgsFormatException(fileName, e.LineNumber, e.LinePosition, "/", FgsErrorCodes.NotWellFormed, $"not well-formed XML: {e.Message}");
        }
    }

    /// <summary>Line and position of a DOCTYPE near the start of the file, or null.</summary>
    private static (int Line, int Position)? Doctype(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 64 * 1024));
        foreach (var text in new[] { Encoding.UTF8.GetString(head), Encoding.Unicode.GetString(head) })
        {
            var index = text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
            if (index >= 0)
            {
                var before = text.AsSpan(0, index);
                var lineStart = before.LastIndexOf('\n') + 1;
                return (before.Count('\n') + 1, index - lineStart + 1);
            }
        }

        return null;
    }

    private FgsFormatException TooLarge(string fileName, long length) =>
        new(fileName, 0, 0, "/", FgsErrorCodes.TooLarge, string.Create(CultureInfo.InvariantCulture,
            $"the file is {length} bytes, more than the {maxBytes} bytes allowed (MaxFileMegabytes): split the delivery or raise the limit"));
}
