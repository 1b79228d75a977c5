using System.Net;
using System.Text.RegularExpressions;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>The embedded default's first start creates an administrator key and shows it once; later starts do not.</summary>
public sealed partial class BootstrapKeyTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ihub-bootstrap-").FullName;

    [Fact]
    public async Task The_first_start_prints_one_administrator_key_that_works_and_the_next_start_prints_none()
    {
        // No key given: neither IHUB_ADMIN_KEY nor the setting (the empty value overrides the tests' default).
        string key;
        await using (var first = HostProcess.Start($"--Hub:Storage:DataDirectory={_dataDirectory}", "--Hub:Security:BootstrapAdminKey="))
        {
            using var anonymous = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            await first.WaitUntilHealthyAsync(anonymous);
            await Eventually.True(() => Task.FromResult(PrintedKey().IsMatch(first.Output)), "the key to be printed");
            var printed = PrintedKey().Matches(first.Output);
            Assert.Single(printed);
            key = printed[0].Value;

            using var admin = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(60) }.WithKey(key);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/keys")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(first.BaseAddress, "/api/v1/keys"))).StatusCode);
        }

        await using var second = HostProcess.Start($"--Hub:Storage:DataDirectory={_dataDirectory}", "--Hub:Security:BootstrapAdminKey=");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await second.WaitUntilHealthyAsync(client);
        Assert.DoesNotMatch(PrintedKey(), second.Output);
        using var again = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(60) }.WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/keys")).StatusCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    [GeneratedRegex("ihub_[a-z0-9]{12}_[A-Za-z0-9_-]{43}")]
    private static partial Regex PrintedKey();
}
