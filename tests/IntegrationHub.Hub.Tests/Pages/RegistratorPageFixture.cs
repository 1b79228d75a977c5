using System.Net;
using IntegrationHub.Hub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IntegrationHub.Hub.Tests.Pages;

/// <summary>
/// One real hub process on a free loopback port (Sundsvall, 2281, with the hub diary KS for the case types allmant and
/// bygglov) and one headless Chromium for a whole test class; each test opens its own browser context and page.
/// </summary>
public sealed class RegistratorPageFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; scripts/test-services.sh installs it and exports the path.</summary>
    private const string DefaultChromium = "/usr/lib/chromium/chromium";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ihub-pages-").FullName;
    private HostProcess? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HostProcess Host => _host ?? throw new InvalidOperationException("The hub has not started.");

    public HttpClient Client { get; } = HostProcess.NewClient(TimeSpan.FromSeconds(60));

    public InboxApi Inbox => new(Client);

    public async Task InitializeAsync()
    {
        // Playwright's own assertions retry until this long; generous for a busy 2-core CI machine.
        Assertions.SetDefaultExpectTimeout(20_000);

        const string m = "--Hub:Municipalities:2281";
        _host = HostProcess.Start(
            $"--Hub:Storage:DataDirectory={_dataDirectory}",
            "--Hub:Deadlines:Enabled=false",
            $"{m}:Name=Sundsvalls kommun",
            $"{m}:Diaries:KS:Name=Kommunstyrelsen",
            $"{m}:Diaries:KS:Format={{series}} {{year}}/{{number}}",
            $"{m}:CaseTypes:allmant:Diary=KS",
            $"{m}:CaseTypes:bygglov:Diary=KS");
        Client.BaseAddress = _host.BaseAddress;
        await Eventually.True(async () =>
        {
            if (_host.ExitCode is { } code)
            {
                throw new InvalidOperationException($"The hub exited with {code}:\n{_host.Output}");
            }

            try
            {
                return (await Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, "the hub to answer /health", TimeSpan.FromSeconds(120));

        var chromium = Environment.GetEnvironmentVariable("IHUB_TEST_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {chromium}: run the tests with ./scripts/test.sh, or scripts/test-services.sh start (which installs Debian's chromium) and export what it prints.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox"],
            Timeout = 120_000,
        });
    }

    /// <summary>
    /// A fresh context (own localStorage) and page at <c>/registrator{query}</c>. The browser runs in UTC with an
    /// American locale, so what the page shows in Swedish local time and language is the page's own doing.
    /// </summary>
    /// <summary>Opens the page signed in with <paramref name="credential"/> (the administrator key by default; empty: signed out).</summary>
    public async Task<PageSession> OpenAsync(string query, string? credential = null)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser has not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        // As a user who signed in earlier in this tab: the page keeps the credential in sessionStorage.
        await context.AddInitScriptAsync($"window.sessionStorage.setItem('ihub.credential', {System.Text.Json.JsonSerializer.Serialize(credential ?? TestKeys.Admin)});");
        var page = await context.NewPageAsync();
        var session = new PageSession(context, page);
        session.Response = await page.GotoAsync($"/registrator{query}");
        return session;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Client.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One test's browser context and page, with the script errors the page raised.</summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly List<string> _scriptErrors = [];

    public PageSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => { lock (_scriptErrors) { _scriptErrors.Add(error); } };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IResponse? Response { get; set; }

    /// <summary>The open item's panel.</summary>
    public ILocator Detail => Page.Locator("#detail");

    /// <summary>The list row whose subject button has exactly this name.</summary>
    public ILocator Row(string subject) =>
        Page.Locator("#rows tr").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = subject, Exact = true }) });

    /// <summary>A field of the open item's panel, by its key (e.g. diarienummer).</summary>
    public ILocator DetailField(string key) => Page.Locator($"#detail-fields [data-key='{key}'] dd");

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Fills "Vem är du?" and opens the item by its subject, waiting until its history has loaded.</summary>
    public async Task OpenItemAsync(string subject, string? changedBy = "Registrator Eva Ek")
    {
        if (changedBy is not null)
        {
            await Page.Locator("#changed-by").FillAsync(changedBy);
        }

        await Button(subject).ClickAsync();
        await Assertions.Expect(Page.Locator("#detail-heading")).ToHaveTextAsync(subject);
        await Assertions.Expect(Detail).Not.ToHaveAttributeAsync("aria-busy", "true");
    }

    public void AssertNoScriptErrors()
    {
        lock (_scriptErrors)
        {
            Assert.True(_scriptErrors.Count == 0, $"The page raised script errors:\n{string.Join('\n', _scriptErrors)}");
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
