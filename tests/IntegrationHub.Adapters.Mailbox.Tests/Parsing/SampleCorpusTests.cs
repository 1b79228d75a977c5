using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Mailbox.Parsing;
using MimeKit;
using Xunit;

namespace IntegrationHub.Adapters.Mailbox.Tests.Parsing;

/// <summary>Checks that the sample corpus itself is what the README promises.</summary>
public class SampleCorpusTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var name in SampleMails.All())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Corpus_has_the_eighteen_numbered_samples()
    {
        var names = SampleMails.All();

        Assert.Equal(18, names.Count);
        Assert.Equal(Enumerable.Range(1, 18).Select(i => i.ToString("00", CultureInfo.InvariantCulture) + "-"), names.Select(n => n[..3]));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_is_small_and_uses_crlf_line_endings(string fileName)
    {
        var bytes = File.ReadAllBytes(SampleMails.Path(fileName));

        Assert.InRange(bytes.Length, 1, 200 * 1024);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == (byte)'\r', $"bare LF at byte {i}");
            }
        }

        Assert.Equal("\r\n"u8.ToArray(), bytes[^2..]);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_has_the_required_headers(string fileName)
    {
        var message = SampleMails.Load(fileName);

        if (fileName.StartsWith("16-", StringComparison.Ordinal))
        {
            Assert.False(message.Headers.Contains(HeaderId.From));
            Assert.True(message.Headers.Contains(HeaderId.Subject));
            return;
        }

        foreach (var header in new[] { HeaderId.MessageId, HeaderId.Date, HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.MimeVersion })
        {
            Assert.True(message.Headers.Contains(header), $"{fileName} lacks {header}");
        }

        Assert.NotEqual(DateTimeOffset.MinValue, message.Date);
    }

    [Fact]
    public void Message_ids_are_unique()
    {
        var ids = SampleMails.All().Select(n => SampleMails.Load(n).MessageId).OfType<string>().ToList();

        Assert.Equal(17, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Only_reserved_domains_and_the_municipality_are_used(string fileName)
    {
        var text = File.ReadAllText(SampleMails.Path(fileName), Encoding.Latin1);
        var domains = Regex.Matches(text, @"@([A-Za-z0-9.-]+\.[A-Za-z]{2,})").Select(m => m.Groups[1].Value.ToLowerInvariant().TrimEnd('.'));

        Assert.All(domains, d => Assert.Matches(@"(^|\.)(example\.(com|org|net)|exempelkommun\.se)$", d));
    }

    [Fact]
    public void Readme_describes_every_sample()
    {
        var readme = File.ReadAllText(FindReadme());

        Assert.All(SampleMails.All(), name => Assert.Contains("`" + name + "`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_attachments_are_structurally_valid()
    {
        var pdfs = SampleMails.All()
            .Where(n => !n.StartsWith("16-", StringComparison.Ordinal))
            .SelectMany(n => MailReader.Read(SampleMails.Load(n)).Parts)
            .Where(p => p.MediaType == "application/pdf")
            .ToList();

        Assert.Equal(3, pdfs.Count);
        foreach (var pdf in pdfs)
        {
            AssertValidPdf(pdf.Content);
        }
    }

    [Fact]
    public void Png_and_docx_attachments_are_valid()
    {
        var parts = MailReader.Read(SampleMails.Load("05-bygglovsansokan-bilagor.eml")).Parts;

        AssertValidPng(parts[1].Content);
        using var zip = new ZipArchive(new MemoryStream(parts[2].Content), ZipArchiveMode.Read);
        Assert.Contains(zip.Entries, e => e.FullName == "word/document.xml");
        Assert.Contains(zip.Entries, e => e.FullName == "[Content_Types].xml");
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        Assert.Contains("Åsen 3:14", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    private static void AssertValidPdf(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-1.", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", text, StringComparison.Ordinal);

        var startxref = Regex.Match(text, @"startxref\n(\d+)\n%%EOF\n$");
        Assert.True(startxref.Success);
        var xrefOffset = int.Parse(startxref.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal("xref", text.Substring(xrefOffset, 4));

        var entries = Regex.Matches(text[xrefOffset..], @"(\d{10}) 00000 n \n");
        Assert.NotEmpty(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            var offset = int.Parse(entries[i].Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj"), text[offset..], StringComparison.Ordinal);
        }

        var length = Regex.Match(text, @"/Length (\d+) >>\nstream\n");
        var streamLength = int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("endstream", text[(length.Index + length.Length + streamLength)..], StringComparison.Ordinal);
    }

    private static void AssertValidPng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var position = 8;
        var types = new List<string>();
        while (position < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            var typeAndData = png.AsSpan(position + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            Assert.Equal(Crc32(typeAndData), crc);
            types.Add(Encoding.ASCII.GetString(typeAndData[..4]));
            position += 12 + length;
        }

        Assert.Equal(["IHDR", "IDAT", "IEND"], types);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static string FindReadme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "samples", "mail", "README.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("samples/mail/README.md not found above the test output directory.");
    }
}
