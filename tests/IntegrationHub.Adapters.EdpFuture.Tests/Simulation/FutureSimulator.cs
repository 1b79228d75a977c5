using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EdpFuture.Client;
using WireMock;
using WireMock.Logging;
using WireMock.Types;
using WireMock.Util;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Simulation;

/// <summary>
/// EDP Future's WCF service on loopback: a request is matched on the .svc path and its SOAPAction header (the real
/// interface/operation names, quoted or not), and answered with a sample body.
/// </summary>
internal sealed class FutureSimulator : IDisposable
{
    public const string SvcPath = "/EDPFutureWebAPI/EDPFutureWebAPI.svc";

    public FutureSimulator() =>
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });

    public WireMockServer Server { get; }

    public Uri Address => new($"{Server.Url}{SvcPath}");

    public static string Action(string contractInterface, string operation) => $"http://tempuri.org/{contractInterface}/{operation}";

    /// <summary>Answers <paramref name="soapAction"/> with the sample <paramref name="file"/>.</summary>
    public FutureSimulator Reply(string soapAction, string file, int status = 200) => ReplyBody(soapAction, Samples.Read(file), status);

    public FutureSimulator ReplyBody(string soapAction, string body, int status = 200, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/xml; charset=utf-8").WithBody(body);
        if (delay is { } wait)
        {
            response = response.WithDelay(wait);
        }

        Server.Given(For(soapAction)).RespondWith(response);
        return this;
    }

    /// <summary>A scenario: each call of <paramref name="soapAction"/> gets the next answer, the last one for good.</summary>
    public FutureSimulator Sequence(string soapAction, params (int Status, string Body)[] answers) =>
        Sequence(soapAction, [.. answers.Select(a => (a.Status, a.Body, TimeSpan.Zero))]);

    /// <summary>A scenario whose answers may each come late.</summary>
    public FutureSimulator Sequence(string soapAction, params (int Status, string Body, TimeSpan Delay)[] answers)
    {
        var scenario = $"seq-{Guid.NewGuid():N}";
        for (var i = 0; i < answers.Length; i++)
        {
            var step = Server.Given(For(soapAction)).InScenario(scenario);
            step = i == 0 ? step : step.WhenStateIs($"s{i}");
            if (i < answers.Length - 1)
            {
                step = step.WillSetStateTo($"s{i + 1}");
            }

            var response = Response.Create().WithStatusCode(answers[i].Status).WithHeader("Content-Type", "text/xml; charset=utf-8").WithBody(answers[i].Body);
            step.RespondWith(answers[i].Delay > TimeSpan.Zero ? response.WithDelay(answers[i].Delay) : response);
        }

        return this;
    }

    /// <summary>Answers each call with what <paramref name="answer"/> says now (the far side's current state); it may block to be slow.</summary>
    public FutureSimulator Dynamic(string soapAction, Func<(int Status, string Body)> answer) => Dynamic(soapAction, _ => answer());

    /// <summary>Answers each call from its request envelope.</summary>
    public FutureSimulator Dynamic(string soapAction, Func<string, (int Status, string Body)> answer)
    {
        Server.Given(For(soapAction)).RespondWith(Response.Create().WithCallback(request =>
        {
            var (status, body) = answer(request.Body ?? string.Empty);
            return new ResponseMessage
            {
                StatusCode = status,
                Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("text/xml; charset=utf-8") },
                BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = System.Text.Encoding.UTF8 },
            };
        }));
        return this;
    }

    public IReadOnlyList<ILogEntry> Calls(string soapAction) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Headers is { } h && h.TryGetValue("SOAPAction", out var v) && v.ToString()!.Trim('"') == soapAction)];

    public EdpFutureOptions Options(Action<EdpFutureOptions>? configure = null)
    {
        var options = new EdpFutureOptions
        {
            Municipality = "2281",
            BaseUrl = Address,
            CustomerIds = [100245],
            TimeoutSeconds = 5,
            Resilience = new EdpFutureResilienceOptions { MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1), MinimumThroughput = 100 },
            CaseTypes = new Dictionary<string, string> { ["Klagomål"] = "renhallning-klagomal", ["VA-anslutning"] = "va-anslutning" },
            Statuses = new Dictionary<string, Canonical.Model.CaseStatus>
            {
                ["Registrerat"] = Canonical.Model.CaseStatus.Open,
                ["Under utredning"] = Canonical.Model.CaseStatus.Open,
                ["Till nämnd"] = Canonical.Model.CaseStatus.Open,
                ["Avslutat"] = Canonical.Model.CaseStatus.Closed,
            },
        };
        configure?.Invoke(options);
        return options;
    }

    public static EdpFutureClient Client(EdpFutureOptions options, CircuitMonitor? circuit = null, TimeProvider? time = null) =>
        new(new HttpClient(), options, circuit ?? new CircuitMonitor(), time ?? TimeProvider.System);

    public void Dispose() => Server.Stop();

    private static IRequestBuilder For(string soapAction) =>
        Request.Create().WithPath(SvcPath).UsingPost()
            .WithHeader("SOAPAction", new RegexMatcher($"^\"?{Regex.Escape(soapAction)}\"?$"));
}
