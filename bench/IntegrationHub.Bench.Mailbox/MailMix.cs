using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.IO;

namespace IntegrationHub.Bench.Mailbox;

/// <summary>The size classes of the mix.</summary>
internal enum MailClass
{
    /// <summary>A citizen's text mail of a few KB, some with an HTML alternative.</summary>
    Text,

    /// <summary>One of <c>samples/mail/*.eml</c> (odd encodings, S/MIME, a bounce, an unreadable one…).</summary>
    Sample,

    /// <summary>A text mail with 1–3 PDF/image attachments of 50 KB–1 MB in all.</summary>
    Attachments,

    /// <summary>A text mail with one 5–10 MB attachment (a scanned document, photos).</summary>
    Large,
}

/// <summary>One size class of a mix: how many mails, their size on the wire, how many cannot be read (no From).</summary>
internal sealed record MixRow(MailClass Class, int Mails, double MegaBytes, long MinBytes, long MaxBytes, int Unreadable);

/// <summary>One generated mail: its place in the mix, its Message-ID and its size on the wire (CRLF).</summary>
internal sealed record BenchMail(int Index, MailClass Class, string MessageId, MimeMessage Message, long Bytes, bool Unreadable, string Label);

/// <summary>
/// The deterministic mix of mails: the same count and seed give the same mails (only the Message-IDs and the To address
/// differ from run to run). 80 % text mails of a few KB, 10 % the sample mails (each with a fresh Message-ID and To the
/// bench mailbox), 9 % with attachments of 50 KB–1 MB, 1 % with one of 5–10 MB; in a seeded shuffled order.
/// Attachment bytes are random (incompressible, as real PDF streams and JPEGs are) behind the right magic bytes.
/// </summary>
internal static class MailMix
{
    private static readonly FormatOptions Wire = CreateWireFormat();

    public static IReadOnlyList<BenchMail> Create(int count, int seed, string samplesDirectory, string address, string idPrefix)
    {
        var samples = Directory.EnumerateFiles(samplesDirectory, "*.eml").Order(StringComparer.Ordinal).ToArray();
        var large = Math.Max(count >= 50 ? 1 : 0, (int)Math.Round(count * 0.01));
        var attachments = (int)Math.Round(count * 0.09);
        var sample = Math.Min(count - large - attachments, (int)Math.Round(count * 0.10));
        var classes = Enumerable.Repeat(MailClass.Large, large)
            .Concat(Enumerable.Repeat(MailClass.Attachments, attachments))
            .Concat(Enumerable.Repeat(MailClass.Sample, Math.Max(0, sample)))
            .ToList();
        classes.AddRange(Enumerable.Repeat(MailClass.Text, count - classes.Count));
        var order = new Random(seed);
        var shuffled = classes.ToArray();
        order.Shuffle(shuffled);

        var mails = new List<BenchMail>(count);
        var sampleNumber = 0;
        var start = new DateTimeOffset(2026, 11, 2, 7, 30, 0, TimeSpan.FromHours(1));
        for (var i = 0; i < count; i++)
        {
            var random = new Random(unchecked((seed * 1_000_003) + i));
            var messageId = $"{idPrefix}-{i.ToString("D5", CultureInfo.InvariantCulture)}@bench.example.com";
            var date = start.AddSeconds(i * 97);
            var (message, label) = shuffled[i] switch
            {
                MailClass.Sample => FromSample(samples[sampleNumber++ % samples.Length], messageId, address),
                var kind => (Generated(kind, random, i, messageId, address, date), string.Empty),
            };
            var unreadable = !message.From.Mailboxes.Any(m => m.LocalPart.Length > 0 && m.Domain.Length > 0);
            mails.Add(new BenchMail(i, shuffled[i], messageId, message, Measure(message), unreadable, label));
        }

        return mails;
    }

    /// <summary>Count and megabytes per class, for the report.</summary>
    public static IReadOnlyList<MixRow> Summary(IReadOnlyList<BenchMail> mails) =>
        [.. mails.GroupBy(m => m.Class).OrderBy(g => g.Key)
            .Select(g => new MixRow(g.Key, g.Count(), g.Sum(m => m.Bytes) / 1e6, g.Min(m => m.Bytes), g.Max(m => m.Bytes), g.Count(m => m.Unreadable)))];

    public static string Describe(MailClass mailClass) => mailClass switch
    {
        MailClass.Text => "text, a few KB",
        MailClass.Sample => "samples/mail/*.eml",
        MailClass.Attachments => "PDF/image attachments 50 KB–1 MB",
        _ => "one attachment 5–10 MB",
    };

    private static (MimeMessage, string) FromSample(string path, string messageId, string address)
    {
        var message = MimeMessage.Load(path);
        message.MessageId = messageId;
        message.To.Clear();
        message.To.Add(MailboxAddress.Parse(address));
        return (message, Path.GetFileName(path));
    }

    private static MimeMessage Generated(MailClass kind, Random random, int index, string messageId, string address, DateTimeOffset date)
    {
        var topic = SwedishText.Topics[random.Next(SwedishText.Topics.Length)];
        var (name, localPart) = SwedishText.People[random.Next(SwedishText.People.Length)];
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(name, $"{localPart}@{SwedishText.Domains[random.Next(SwedishText.Domains.Length)]}"));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = topic.Subjects[random.Next(topic.Subjects.Length)];
        message.Date = date;
        message.MessageId = messageId;

        var text = BodyText(random, topic, name, targetChars: kind == MailClass.Text ? random.Next(600, 6000) : random.Next(400, 1500));
        var plain = new TextPart("plain");
        plain.SetText(Encoding.UTF8, text);
        plain.ContentTransferEncoding = random.Next(20) switch
        {
            < 12 => ContentEncoding.QuotedPrintable,
            < 17 => ContentEncoding.EightBit,
            _ => ContentEncoding.Base64,
        };
        MimeEntity body = plain;
        if (random.Next(10) < 3)
        {
            var html = new TextPart("html");
            html.SetText(Encoding.UTF8, Html(text));
            html.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
            var alternative = new MultipartAlternative { Boundary = Boundary(index, "alt") };
            alternative.Add(plain);
            alternative.Add(html);
            body = alternative;
        }

        var files = kind switch
        {
            MailClass.Attachments => Split(random, (int)Math.Exp(Uniform(random, Math.Log(50_000), Math.Log(1_000_000))), random.Next(1, 4)),
            MailClass.Large => [random.Next(5_000_000, 10_000_001)],
            _ => [],
        };
        if (files.Length == 0)
        {
            message.Body = body;
            return message;
        }

        var mixed = new Multipart("mixed") { Boundary = Boundary(index, "mix") };
        mixed.Add(body);
        foreach (var size in files)
        {
            var fileName = kind == MailClass.Large
                ? (random.Next(2) == 0 ? "inskannade handlingar.pdf" : "bilder från platsen.jpg")
                : topic.FileNames[random.Next(topic.FileNames.Length)];
            var (type, subtype) = Path.GetExtension(fileName) switch
            {
                ".jpg" => ("image", "jpeg"),
                ".png" => ("image", "png"),
                _ => ("application", "pdf"),
            };
            mixed.Add(new MimePart(type, subtype)
            {
                Content = new MimeContent(new MemoryStream(Binary(random, subtype, size), writable: false)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = fileName,
            });
        }

        message.Body = mixed;
        return message;
    }

    /// <summary>A greeting, paragraphs of the topic, a closing; longer mails quote earlier correspondence.</summary>
    private static string BodyText(Random random, SwedishText.Topic topic, string name, int targetChars)
    {
        var s = new StringBuilder();
        s.Append(SwedishText.Greetings[random.Next(SwedishText.Greetings.Length)]).Append("\n\n");
        var paragraphs = topic.Paragraphs.ToArray();
        random.Shuffle(paragraphs);
        foreach (var paragraph in paragraphs.Take(random.Next(2, paragraphs.Length + 1)))
        {
            s.Append(paragraph).Append("\n\n");
        }

        switch (random.Next(100))
        {
            case < 2:
                s.Append(SwedishText.PersonnummerSentence).Append("\n\n");
                break;
            case < 3:
                s.Append(SwedishText.SecrecySentence).Append("\n\n");
                break;
        }

        s.Append(SwedishText.Closings[random.Next(SwedishText.Closings.Length)]).Append('\n').Append(name).Append('\n');
        s.Append(CultureInfo.InvariantCulture, $"Telefon 070-{random.Next(100, 1000)} {random.Next(10, 100)} {random.Next(10, 100)}\n");
        if (s.Length < targetChars)
        {
            s.Append("\n-------- Ursprungligt meddelande --------\n");
            while (s.Length < targetChars)
            {
                var other = SwedishText.Topics[random.Next(SwedishText.Topics.Length)];
                s.Append("> ").Append(other.Paragraphs[random.Next(other.Paragraphs.Length)]).Append("\n>\n");
            }
        }

        return s.ToString();
    }

    private static string Html(string text)
    {
        var s = new StringBuilder("<html><head><meta charset=\"utf-8\"><style>body { font-family: Calibri, Arial, sans-serif; font-size: 11pt; }</style></head><body>\n");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            s.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        return s.Append("</body></html>\n").ToString();
    }

    /// <summary>Random bytes (incompressible, like a real PDF stream or JPEG) behind the format's magic bytes.</summary>
    private static byte[] Binary(Random random, string subtype, int size)
    {
        var bytes = new byte[size];
        random.NextBytes(bytes);
        var (head, tail) = subtype switch
        {
            "jpeg" => ((byte[])[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00], (byte[])[0xFF, 0xD9]),
            "png" => ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], Encoding.ASCII.GetBytes("IEND")),
            _ => (Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n"), Encoding.ASCII.GetBytes("\nendstream\nendobj\n%%EOF\n")),
        };
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, size - tail.Length);
        return bytes;
    }

    /// <summary>A total split into parts of random share (each at least a tenth of an even share).</summary>
    private static int[] Split(Random random, int total, int parts)
    {
        var weights = Enumerable.Range(0, parts).Select(_ => 0.1 + random.NextDouble()).ToArray();
        var sum = weights.Sum();
        return [.. weights.Select(w => Math.Max(1024, (int)(total * w / sum)))];
    }

    private static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    private static string Boundary(int index, string part) => string.Create(CultureInfo.InvariantCulture, $"=_ihub-bench-{index}-{part}");

    private static long Measure(MimeMessage message)
    {
        using var measure = new MeasuringStream();
        message.WriteTo(Wire, measure);
        return measure.Length;
    }

    private static FormatOptions CreateWireFormat()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
