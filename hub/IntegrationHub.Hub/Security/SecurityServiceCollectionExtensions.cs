using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using IntegrationHub.Hub.Apis;
using IntegrationHub.Hub.Security.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Security;

/// <summary>Authentication (API keys; people's bearer tokens), scopes, rate limits and the audit log.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>The scheme that picks API key or bearer token per request.</summary>
    public const string Scheme = "Hub";

    /// <summary>The policy name for a scope.</summary>
    public static string Policy(string scope) => $"scope:{scope}";

    /// <summary>Adds authentication, authorization (every endpoint requires a caller unless it allows anonymous), rate limits and the audit recorder.</summary>
    public static IServiceCollection AddHubSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        services.AddSingleton<CitizenTokenValidator>();
        services.AddScoped<AuditRecorder>();

        var oidc = configuration.GetSection($"{SecurityOptions.Section}:Oidc").Get<OidcOptions>() ?? new OidcOptions();
        var peopleSignIn = !string.IsNullOrWhiteSpace(oidc.Authority);
        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                peopleSignIn && !ApiKeyAuthenticationHandler.Presents(context.Request) ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (peopleSignIn)
        {
            authentication.AddJwtBearer();
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<IOptions<SecurityOptions>, TimeProvider>((jwt, security, time) => ConfigureJwt(jwt, security.Value.Oidc, time));
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HubAuthorizationResultHandler>();
        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().RequireClaim(HubClaims.Actor).Build();
            foreach (var scope in HubScopes.All)
            {
                o.AddPolicy(Policy(scope), p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
            }
        });

        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimit;
                if (!limits.Enabled || context.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var partition = HubCaller.From(context.User)?.Actor ?? $"address:{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.Permits,
                    ReplenishmentPeriod = limits.Period,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                TimeSpan? wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait?.TotalSeconds ?? 1)).ToString(CultureInfo.InvariantCulture);
                await Problems.TooManyRequests(wait).ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Authentication, then the rate limit per caller, then authorization; call before mapping endpoints.</summary>
    public static IApplicationBuilder UseHubSecurity(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The endpoint needs the scope.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(scope));

    private static void ConfigureJwt(JwtBearerOptions jwt, OidcOptions oidc, TimeProvider time)
    {
        jwt.Authority = oidc.Authority;
        jwt.Audience = oidc.Audience;
        jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        jwt.MapInboundClaims = false;
        jwt.TimeProvider = time;
        jwt.TokenValidationParameters.LifetimeValidator = TokenLifetime.Validator(time);
        jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var caller = PersonTokenMapping.ToCaller(context.Principal!, oidc);
                context.Principal = new ClaimsPrincipal(new ClaimsIdentity(caller.ToClaims(), JwtBearerDefaults.AuthenticationScheme, HubClaims.ActorName, null));
                return Task.CompletedTask;
            },
        };
    }
}
