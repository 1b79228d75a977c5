using MimeKit;

namespace IntegrationHub.Adapters.Mailbox.Tests.Parsing;

/// <summary>Access to the sample corpus in <c>samples/mail/</c> and mails built at test time.</summary>
internal static class SampleMails
{
    /// <summary>The full path of a sample copied to the test output directory (<c>samples/mail/</c>).</summary>
    public static string Path(string fileName)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "mail", fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Sample mail is missing from the test output; is it in samples/mail/?", path);
        }

        return path;
    }

    /// <summary>All sample file names, sorted.</summary>
    public static IReadOnlyList<string> All() =>
        Directory.GetFiles(System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "mail"), "*.eml")
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static FileStream Open(string fileName) => File.OpenRead(Path(fileName));

    public static MimeMessage Load(string fileName)
    {
        using var stream = Open(fileName);
        return MimeMessage.Load(stream);
    }

    /// <summary>The deterministic pseudo-random content used by <see cref="Large"/>.</summary>
    public static byte[] LargeAttachmentContent(int attachmentBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attachmentBytes, 16);
        var content = new byte[attachmentBytes];
#pragma warning disable CA5394 // Not security relevant: a fixed seed makes the test data reproducible.
        new Random(20261202).NextBytes(content);
#pragma warning restore CA5394
        "%PDF-1.7\n"u8.CopyTo(content);
        "\n%%EOF\n"u8.CopyTo(content.AsSpan(attachmentBytes - 7));
        return content;
    }

    /// <summary>
    /// A realistic bygglov application carrying one large drawing set "Bygghandlingar.pdf"
    /// of <paramref name="attachmentBytes"/> pseudo-random bytes (fixed seed), built with BodyBuilder.
    /// </summary>
    public static MimeMessage Large(int attachmentBytes)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Byggkonsult Norr AB", "ansokan@example.net"));
        message.To.Add(new MailboxAddress("Bygglov Exempelkommun", "bygglov@exempelkommun.se"));
        message.Subject = "Bygghandlingar för nybyggnad av förskola, Lärkan 2:5";
        message.Date = new DateTimeOffset(2026, 11, 30, 15, 12, 0, TimeSpan.FromHours(1));
        message.MessageId = "bygghandlingar.20261130151200.5511@example.net";

        var builder = new BodyBuilder
        {
            TextBody = "Hej,\n\nHär kommer de kompletta bygghandlingarna för nybyggnaden av förskolan på Lärkan 2:5: " +
                       "planritningar, fasader, sektioner och konstruktionsritningar i en samlad PDF.\n\n" +
                       "Med vänlig hälsning\nByggkonsult Norr AB\n",
        };
        builder.Attachments.Add("Bygghandlingar.pdf", LargeAttachmentContent(attachmentBytes), new ContentType("application", "pdf"));
        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>Writes <paramref name="message"/> to a fresh memory stream positioned at 0.</summary>
    public static MemoryStream ToStream(MimeMessage message)
    {
        var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return stream;
    }
}
