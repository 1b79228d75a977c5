using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using System.Xml;
using System.Xml.XPath;

namespace IntegrationHub.Adapters.EServices.Push.Reading;

/// <summary>Parses a pushed body safely (depth-limited JSON; XML without DTDs or external entities) and reports where it broke.</summary>
internal static class PayloadParser
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    public static JsonDocument? ParseJson(ReadOnlyMemory<byte> body, out PushSubmissionProblem? problem)
    {
        problem = null;
        var json = WithoutBom(body);
        // The parser checks UTF-8 only lazily, when a string is read: check it all first, so a bad byte is a 400 here.
        if (InvalidUtf8At(json.Span) is { } bad)
        {
            problem = new PushSubmissionProblem("body", null, PushRules.JsonSyntax,
                $"The body is not UTF-8 at line {Text(bad.Line)}, position {Text(bad.Position)}.", bad.Line, bad.Position);
            return null;
        }

        try
        {
            return JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            problem = new PushSubmissionProblem("body", null, PushRules.JsonSyntax,
                $"The body is not well-formed JSON (or nests deeper than 64 levels) at line {Text(line)}, position {Text(position)}.", line, position);
            return null;
        }
    }

    public static XPathNavigator? ParseXml(ReadOnlyMemory<byte> body, out PushSubmissionProblem? problem)
    {
        problem = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            return new XPathDocument(reader).CreateNavigator();
        }
        catch (XmlException e)
        {
            long line = Math.Max(e.LineNumber, 1);
            long position = Math.Max(e.LinePosition, 1);
            problem = new PushSubmissionProblem("body", null, PushRules.XmlSyntax,
                $"The body is not well-formed XML (DTDs are refused) at line {Text(line)}, position {Text(position)}.", line, position);
            return null;
        }
    }

    private static (long Line, long Position)? InvalidUtf8At(ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text))
        {
            return null;
        }

        long line = 1, position = 1;
        while (Rune.DecodeFromUtf8(text, out var rune, out var consumed) == OperationStatus.Done)
        {
            (line, position) = rune.Value == '\n' ? (line + 1, 1) : (line, position + consumed);
            text = text[consumed..];
        }

        return (line, position);
    }

    private static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> body) =>
        body.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
