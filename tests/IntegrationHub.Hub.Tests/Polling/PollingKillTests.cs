using System.Globalization;
using System.Text;
using IntegrationHub.Hub.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Hub.Tests.Polling;

/// <summary>
/// SIGKILLs the real hub process three times while its EDP Future adapter polls (on a one-second schedule, ten events a
/// batch) a customer with many errands, simulated by WireMock.Net; after a restart every errand's events are in the hub
/// once: nothing lost between the intake and the checkpoint, nothing twice.
/// </summary>
public sealed class PollingKillTests : IDisposable
{
    private const int Errands = 120;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ihub-poll-kill-").FullName;
    private readonly HttpClient _client = HostProcess.NewClient(TimeSpan.FromSeconds(30));
    private readonly WireMockServer _future = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    [Fact]
    public async Task Kill_WhilePollingFuture_StoresEveryErrandsEventsExactlyOnceAfterRestart()
    {
        var (answer, perErrand) = ManyErrands(Errands);
        _future.Given(Request.Create().UsingPost().WithPath("/EDPFutureWebAPI/EDPFutureWebAPI.svc").WithHeader("SOAPAction", "*GetErrandsForCustomer*"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/xml; charset=utf-8").WithBody(answer));
        var expected = Errands * perErrand;

        var storedAtKill = new List<int>();
        foreach (var target in new[] { 20, expected / 3, 2 * expected / 3 })
        {
            await using var host = Start();
            await host.WaitUntilHealthyAsync(_client);
            await Eventually.True(async () => (await FeedAsync(host)).Count >= target, $"{target} stored events", TimeSpan.FromSeconds(90));
            storedAtKill.Add((await FeedAsync(host)).Count);
            host.Kill();
        }

        // At least one kill came while the adapter was still working through the errands.
        Assert.Contains(storedAtKill, stored => stored < expected);

        await using var survivor = Start();
        await survivor.WaitUntilHealthyAsync(_client);
        await Eventually.True(async () => (await FeedAsync(survivor)).Count >= expected, $"all {expected} events", TimeSpan.FromSeconds(120));
        // Two more polls complete after that and find nothing new.
        var seen = await LastSuccessAsync(survivor);
        await Eventually.True(async () => await LastSuccessAsync(survivor) is { } later && later > seen, "a poll after the last events");
        seen = await LastSuccessAsync(survivor);
        await Eventually.True(async () => await LastSuccessAsync(survivor) is { } later && later > seen, "one more poll");

        var feed = await FeedAsync(survivor);
        Assert.Equal(expected, feed.Count);
        Assert.Equal(expected, feed.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(feed.GroupBy(e => e.Subject), g => Assert.Equal(perErrand, g.Count()));
        Assert.Equal(Errands, feed.Select(e => e.Subject).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The sample's first errand (an opened errand and its activities) repeated with new ids.</summary>
    private static (string Answer, int EventsPerErrand) ManyErrands(int count)
    {
        var sample = File.ReadAllText(RepositoryFiles.PathOf("samples/edp-future/GetErrandsForCustomer-later.xml"));
        var start = sample.IndexOf("<b:Errand>", StringComparison.Ordinal);
        var end = sample.IndexOf("</b:Errand>", start, StringComparison.Ordinal) + "</b:Errand>".Length;
        var errand = sample[start..end];
        var id = errand[(errand.IndexOf("<b:_Id>", StringComparison.Ordinal) + 7)..errand.IndexOf("</b:_Id>", StringComparison.Ordinal)];
        var many = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            many.Append(errand.Replace($"<b:_Id>{id}</b:_Id>", string.Create(CultureInfo.InvariantCulture, $"<b:_Id>{900000 + i}</b:_Id>"), StringComparison.Ordinal));
        }

        var closing = sample.IndexOf("</a:_resultValue>", StringComparison.Ordinal);
        var answer = string.Concat(sample.AsSpan(0, start), many.ToString(), sample.AsSpan(closing));
        var activities = errand.Split("<b:ErrandActivity>").Length - 1;
        return (answer, 1 + activities);
    }

    private HostProcess Start() => HostProcess.Start(
        $"--Hub:Storage:DataDirectory={_dataDirectory}",
        "--Adapters:EdpFuture:sundsvall:Municipality=2281",
        $"--Adapters:EdpFuture:sundsvall:BaseUrl={_future.Url}/EDPFutureWebAPI/EDPFutureWebAPI.svc",
        "--Adapters:EdpFuture:sundsvall:CustomerIds:0=100245",
        "--Adapters:EdpFuture:sundsvall:Schedule=* * * * * ?",
        "--Adapters:EdpFuture:sundsvall:BatchSize=10",
        "--Hub:Polling:LeaseDuration=00:00:02");

    private async Task<DateTimeOffset?> LastSuccessAsync(HostProcess host)
    {
        var adapters = await (await _client.GetAsync(new Uri(host.BaseAddress, "/api/v1/adapters"))).Json();
        var future = adapters.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "edp-future/sundsvall");
        return future.TryGetProperty("lastSuccessAt", out var at) ? at.GetDateTimeOffset() : null;
    }

    private async Task<List<(string Id, string Subject)>> FeedAsync(HostProcess host)
    {
        var all = new List<(string, string)>();
        long after = 0;
        while (true)
        {
            var page = await (await _client.GetAsync(new Uri(host.BaseAddress, $"/api/v1/events?after={after}&limit=1000"))).Json();
            var items = page.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                return all;
            }

            all.AddRange(items.Select(i => (i.GetProperty("event").GetProperty("id").GetString()!, i.GetProperty("event").GetProperty("subject").GetString()!)));
            after = items[^1].GetProperty("sequence").GetInt64();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _future.Stop();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
