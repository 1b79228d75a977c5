namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>Where the servers started by scripts/test-services.sh listen.</summary>
public static class TestServers
{
    public static string RabbitMq => Required("IHUB_TEST_RABBITMQ");

    public static (string Host, int Port) Smtp => HostAndPort(Required("IHUB_TEST_SMTP"));

    public static (string Host, int Port) Imap => HostAndPort(Required("IHUB_TEST_IMAP"));

    public static string ImapPassword => Required("IHUB_TEST_IMAP_PASSWORD");

    private static (string, int) HostAndPort(string value) =>
        (value.Split(':')[0], int.Parse(value.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));

    private static string Required(string name) => Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set: run the tests with ./scripts/test.sh, or start the servers with scripts/test-services.sh start and export what it prints.");
}
