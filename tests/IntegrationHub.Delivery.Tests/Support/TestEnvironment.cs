using System.Globalization;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>The loopback servers the tests talk to, as <c>scripts/test-services.sh start</c> exports them.</summary>
internal static class TestEnvironment
{
    /// <summary>The test broker, e.g. <c>amqp://guest:guest@127.0.0.1:55672/</c>.</summary>
    public static Uri RabbitMq => new(Require("IHUB_TEST_RABBITMQ", "the RabbitMQ test broker"));

    /// <summary>The SMTP server that accepts any recipient and delivers into the IMAP server.</summary>
    public static (string Host, int Port) Smtp => HostAndPort("IHUB_TEST_SMTP", "the SMTP test server");

    /// <summary>The IMAP server holding every recipient's mailbox.</summary>
    public static (string Host, int Port) Imap => HostAndPort("IHUB_TEST_IMAP", "the IMAP test server");

    /// <summary>The password of every IMAP mailbox.</summary>
    public static string ImapPassword => Require("IHUB_TEST_IMAP_PASSWORD", "the IMAP test password");

    private static string Require(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set, so {what} is unknown: run the tests with ./scripts/test.sh, "
                + "or start the servers with eval \"$(scripts/test-services.sh start)\" in the same shell.");

    private static (string Host, int Port) HostAndPort(string name, string what)
    {
        var value = Require(name, what);
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (value[..colon], port)
            : throw new InvalidOperationException($"{name} must be host:port, e.g. 127.0.0.1:2525 (it is '{value}').");
    }
}
