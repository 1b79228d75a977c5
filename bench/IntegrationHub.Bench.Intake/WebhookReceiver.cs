using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Bench.Intake;

/// <summary>
/// The subscribers' endpoint, inside the bench process: Kestrel on 127.0.0.1 and a free port. <c>POST /hook/{n}</c> is
/// subscriber n's webhook; the receiver notes the time it got the request and its <c>webhook-id</c> header (the
/// CloudEvent id) in <see cref="Log"/> before anything else, reads the body and answers 200 at once.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private const string Prefix = "/hook/";

    private readonly WebApplication _app;
    private long _bodyBytes;

    private WebhookReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public DeliveryLog Log { get; } = new();

    /// <summary>Body bytes received, to show the requests carried their events.</summary>
    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, ReceiverLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.Run(context => receiver!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new WebhookReceiver(app, new Uri(address));
        return receiver;
    }

    /// <summary>The webhook address of subscriber <paramref name="hook"/>.</summary>
    public Uri HookUrl(int hook) => new(BaseAddress, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{hook}"));

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var at = Stopwatch.GetTimestamp();
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        int? hook = request.Method == HttpMethods.Post
            && path.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(path.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : null;
        Log.Record(hook, request.Headers["webhook-id"].ToString(), at);

        var buffer = new byte[4096];
        int read;
        long total = 0;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            total += read;
        }

        Interlocked.Add(ref _bodyBytes, total);
        context.Response.StatusCode = hook is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
    }
}
