using Microsoft.Extensions.Configuration;

namespace IntegrationHub.Adapters.Mailbox.Tests.Registration;

/// <summary>The shipped configuration example (samples/config/mailbox.appsettings.json) binds and passes the adapter's checks.</summary>
public sealed class SampleConfigurationTests
{
    [Fact]
    public void TheSample_DescribesTwoValidMailboxes_OneWithAPasswordFileAndOneWithOAuth2()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "config", "mailbox.appsettings.json");
        var secrets = Directory.CreateTempSubdirectory("ihub-sample-secrets-").FullName;
        var configuration = new ConfigurationBuilder().AddJsonFile(path).Build();
        var validator = new MailboxOptionsValidator();
        var names = new List<string>();

        foreach (var section in configuration.GetSection(MailboxOptions.Section).GetChildren())
        {
            var options = section.Get<MailboxOptions>()!;
            // The secrets live outside the configuration; point the files at stand-ins that exist.
            foreach (var server in new[] { options.Imap, options.Receipts.Smtp })
            {
                server.PasswordFile = server.PasswordFile is null ? null : StandIn(secrets, server.PasswordFile);
                server.OAuth2?.ClientSecretFile = server.OAuth2.ClientSecretFile is null ? null : StandIn(secrets, server.OAuth2.ClientSecretFile);
            }

            var result = validator.Validate(section.Key, options);
            Assert.True(result.Succeeded, string.Join("\n", result.Failures ?? []));
            names.Add(section.Key);
        }

        Assert.Equal(["bygglov", "kommunen"], names.Order(StringComparer.Ordinal));
        var kommunen = configuration.GetSection("Adapters:Mailbox:kommunen").Get<MailboxOptions>()!;
        Assert.Equal(3, kommunen.Routing.Count);
        Assert.True(kommunen.Receipts.Enabled);
        Assert.NotNull(configuration.GetSection("Adapters:Mailbox:bygglov").Get<MailboxOptions>()!.Imap.OAuth2);
        Directory.Delete(secrets, recursive: true);
    }

    private static string StandIn(string folder, string original)
    {
        var path = Path.Combine(folder, Path.GetFileName(original));
        File.WriteAllText(path, "secret");
        return path;
    }
}
