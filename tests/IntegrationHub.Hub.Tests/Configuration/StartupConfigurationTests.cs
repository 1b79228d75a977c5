using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Configuration;

/// <summary>Bad configuration stops the hub at start with a sentence that tells the administrator what to fix.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ihub-config-").FullName;

    [Theory]
    [InlineData("--Hub:Storage:Provider=Oracle", "Hub:Storage:Provider must be one of: Sqlite, PostgreSql")]
    [InlineData("--Hub:Storage:Provider=PostgreSql", "Hub:Storage:PostgreSqlConnectionString is empty")]
    [InlineData("--Hub:Intake:MaxBatchSize=0", "Hub:Intake:MaxBatchSize must be between 1 and 10000")]
    [InlineData("--Hub:Intake:MaxRequestBytes=10", "Hub:Intake:MaxRequestBytes must be between 1024")]
    [InlineData("--Hub:Municipalities:2281:CaseTypes:bygglov:Diary=SBN", "Hub:Municipalities:2281:CaseTypes:bygglov:Diary names 'SBN', which is not a diary of 2281")]
    [InlineData("--Hub:Municipalities:2281:Diaries:KS:Format={series} {nummer}", "Hub:Municipalities:2281:Diaries:KS:Format:")]
    [InlineData("--Hub:Municipalities:Sundsvall:Name=x", "'Sundsvall' is not a four-digit kommunkod")]
    [InlineData("--Hub:Delivery:MaxAttempts=0", "Hub:Delivery:MaxAttempts is between 1 and 100")]
    [InlineData("--Hub:Delivery:LeaseDuration=00:00:00.1", "Hub:Delivery:LeaseDuration is between 00:00:01 and 01:00:00")]
    [InlineData("--Hub:Delivery:MaxRetryDelay=00:00:01", "Hub:Delivery:MaxRetryDelay (00:00:01) must not be shorter than Hub:Delivery:FirstRetryDelay")]
    [InlineData("--Hub:Delivery:Webhooks:FailureRatio=2", "Hub:Delivery:Webhooks:FailureRatio is a share between 0.01 and 1.0")]
    [InlineData("--Hub:Delivery:Webhooks:AllowedNetworks:0=10.0.0.0/33", "Hub:Delivery:Webhooks:AllowedNetworks:0 is '10.0.0.0/33', which is not a network in CIDR notation")]
    [InlineData("--Hub:Delivery:RabbitMq:Brokers:default:Uri=http://rabbit.kommun.se", "Hub:Delivery:RabbitMq:Brokers:default:Uri must be an AMQP URI")]
    [InlineData("--Hub:Delivery:Email:Host=smtp.kommun.se", "Hub:Delivery:Email:From must be the sender's address")]
    [InlineData("--Hub:Security:BootstrapAdminKey=hemligt", "Hub:Security:BootstrapAdminKey (or IHUB_ADMIN_KEY) is not an IntegrationHub key")]
    [InlineData("--Hub:Security:Oidc:Authority=https://login.sundsvall.se", "Hub:Security:Oidc:Audience is required with an Authority")]
    [InlineData("--Hub:Security:Oidc:Authority=http://login.sundsvall.se", "Hub:Security:Oidc:Authority must be https://")]
    [InlineData("--Hub:Security:CitizenTokens:Issuer=https://minasidor.sundsvall.se", "Hub:Security:CitizenTokens: give exactly one of Authority")]
    [InlineData("--Hub:Security:RateLimit:Permits=0", "Hub:Security:RateLimit:Permits must be between 1 and 1000000")]
    [InlineData("--Hub:Delivery:MaxParallelism=many", "Failed to convert configuration value 'many' at 'Hub:Delivery:MaxParallelism'")]
    public async Task Start_WithBadSetting_ExitsWithCode2AndAClearMessage(string setting, string expected)
    {
        await using var host = HostProcess.Start($"--Hub:Storage:DataDirectory={_dataDirectory}", setting);

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("IntegrationHub cannot start: ", host.Output, StringComparison.Ordinal);
        Assert.Contains(expected, host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnUnknownSmtpSecurity_ExitsWithCode2NamingTheSettingAndTheValue()
    {
        await using var host = HostProcess.Start($"--Hub:Storage:DataDirectory={_dataDirectory}",
            "--Hub:Delivery:Email:Host=smtp.kommun.se", "--Hub:Delivery:Email:From=noreply@kommun.se", "--Hub:Delivery:Email:Security=Telepathy");

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("'Telepathy' at 'Hub:Delivery:Email:Security'", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithANotificationTemplateThatWouldLeakCaseDetails_ExitsWithCode2NamingThePlaceholder()
    {
        await using var host = HostProcess.Start($"--Hub:Storage:DataDirectory={_dataDirectory}",
            "--Hub:Delivery:Email:Host=smtp.kommun.se", "--Hub:Delivery:Email:From=noreply@kommun.se",
            "--Hub:Delivery:Email:Subject=Nytt i {headline}");

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("Hub:Delivery:Email:Subject uses {headline}; only {municipality} and {loginUrl} exist", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnPostgreSqlWithMoreParallelDeliveriesThanThePoolAllows_ExitsWithCode2SayingWhatToChange()
    {
        var settings = new Dictionary<string, string?>();
        PostgreSqlHubFactory.UsePostgreSql(settings);
        try
        {
            await using var host = HostProcess.Start([.. settings.Select(s => $"--{s.Key}={s.Value}"), "--Hub:Delivery:MaxParallelism=200"]);

            var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(2, exitCode);
            Assert.Contains("Hub:Delivery:MaxParallelism is 200, which needs 420 database connections, but the pool of Hub:Storage:PostgreSqlConnectionString allows 100. Lower Hub:Delivery:MaxParallelism to at most 40", host.Output, StringComparison.Ordinal);
        }
        finally
        {
            PostgreSqlHubFactory.DropSchema(settings);
        }
    }

    [Fact]
    public async Task Start_WithUnwritableDataDirectory_ExitsWithCode2NamingTheFolder()
    {
        var aFile = Path.Combine(_dataDirectory, "not-a-folder");
        await File.WriteAllTextAsync(aFile, "x");
        await using var host = HostProcess.Start($"--Hub:Storage:DataDirectory={aFile}");

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains($"Hub:Storage:DataDirectory '{aFile}' cannot be created or written to", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithUnreachablePostgreSql_ExitsWithCode2SayingTheStoreCannotBeReached()
    {
        await using var host = HostProcess.Start(
            "--Hub:Storage:Provider=PostgreSql",
            "--Hub:Storage:PostgreSqlConnectionString=Host=127.0.0.1;Port=1;Username=ihub;Password=ihub;Database=ihub;Timeout=3");

        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("The store cannot be reached or prepared", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnAPortInUse_ExitsWithCode2SayingHowToChooseAnother()
    {
        await using var first = HostProcess.Start($"--Hub:Storage:DataDirectory={_dataDirectory}");
        using var client = HostProcess.NewClient(TimeSpan.FromSeconds(100));
        await first.WaitUntilHealthyAsync(client);
        await using var second = HostProcess.StartOn(first.BaseAddress, $"--Hub:Storage:DataDirectory={_dataDirectory}");

        var exitCode = await second.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("start the hub with --urls", second.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
