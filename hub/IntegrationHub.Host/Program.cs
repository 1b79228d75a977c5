using IntegrationHub.Adapters.EdpFuture;
using IntegrationHub.Adapters.EServices.OpenEPlatform;
using IntegrationHub.Adapters.EServices.Push;
using IntegrationHub.Adapters.Fgs;
using IntegrationHub.Adapters.Mailbox;
using IntegrationHub.Adapters.Platina;
using IntegrationHub.Adapters.Polling;
using IntegrationHub.Host;
using IntegrationHub.Host.Adapters;
using IntegrationHub.Hub;
using IntegrationHub.Hub.Security;
using IntegrationHub.Store;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddIntegrationHubCore(builder.Configuration).AddHubStorage(builder.Configuration)
        .AddMailboxAdapters(builder.Configuration)
        .AddEdpFutureAdapters(builder.Configuration)
        .AddPlatinaAdapters(builder.Configuration)
        .AddFgsAdapters(builder.Configuration)
        .AddEServicesPush(builder.Configuration)
        .AddOpenEPlatformAdapters(builder.Configuration);
    builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<MailboxOptions>, MailboxHubRules>();
    // After every polling adapter: it schedules the PollSchedule each one registered.
    builder.Services.AddSourcePolling(builder.Configuration);

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseHubSecurity();
    // The API description is public (the project is open source); every API it describes requires a caller.
    app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
    app.MapIntegrationHubApis();
    app.MapAdapterHealth();
    app.MapFgsExport();
    app.MapPushSubmissions();

    await app.Services.GetRequiredService<IHubStore>().MigrateAsync(app.Lifetime.ApplicationStopping);
    await BootstrapAdminKey.EnsureAsync(app.Services, Console.Out, app.Lifetime.ApplicationStopping);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupErrors.Describe(e) is { } message)
{
    await Console.Error.WriteLineAsync($"IntegrationHub cannot start: {message}");
    return 2;
}

/// <summary>The hub's entry point; public so integration tests can host it.</summary>
public partial class Program;
