using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace IntegrationHub.Hub.Pages;

/// <summary>
/// The registrator's inbox page (registratorns inkorg) at <c>/registrator</c>: plain HTML, CSS and JavaScript embedded
/// in this assembly (no build step, no CDN), talking to <c>/api/v1/registrator/inbox</c> in the browser.
/// </summary>
public static class RegistratorPages
{
    /// <summary>The logical name prefix the project file gives the page's embedded files.</summary>
    private const string ResourcePrefix = "pages/registrator/";
    private const string PageFile = "index.html";

    /// <summary>The page shows personal data: nothing but this origin's own script, style and API, never framed.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly Lazy<FrozenDictionary<string, PageAsset>> Assets = new(LoadAssets);

    /// <summary>Maps <c>GET /registrator</c> (the page) and <c>GET /registrator/{file}</c> (its script and style).</summary>
    public static IEndpointRouteBuilder MapRegistratorPages(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        // The page and its script hold no data: they sign the user in and every API call they make is authorised.
        routes.MapGet("/registrator", ServePage).ExcludeFromDescription().AllowAnonymous();
        routes.MapGet("/registrator/{file}", ServeAsset).ExcludeFromDescription().AllowAnonymous();
        return routes;
    }

    private static ContentHttpResult ServePage(HttpContext context)
    {
        var page = Assets.Value[PageFile];

        // Absolute asset paths under the app's path base, so the page works behind a reverse proxy's prefix and at /registrator/ alike.
        var html = page.Text.Replace("{base}", HtmlEncoder.Default.Encode(context.Request.PathBase.ToUriComponent()), StringComparison.Ordinal);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        return TypedResults.Text(html, page.ContentType, Encoding.UTF8);
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult, NotFound> ServeAsset(string file, HttpContext context)
    {
        if (file == PageFile || !Assets.Value.TryGetValue(file, out var asset))
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";

        // Revalidated on every load (cheap with the ETag), so a new hub version never runs with an old script.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.Any(tag => tag == asset.ETag || tag == "*"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, PageAsset> LoadAssets()
    {
        var assembly = typeof(RegistratorPages).Assembly;
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var logical = name.Replace('\\', '/');
            if (!logical.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var file = logical[ResourcePrefix.Length..];
            if (ContentTypeOf(file) is { } contentType)
            {
                assets[file] = PageAsset.Read(assembly, name, contentType);
            }
        }

        return assets.ContainsKey(PageFile)
            ? assets.ToFrozenDictionary(StringComparer.Ordinal)
            : throw new InvalidOperationException($"The registrator page is not embedded in {assembly.GetName().Name} (no {ResourcePrefix}{PageFile}).");
    }

    private static string? ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => null,
    };

    private sealed record PageAsset(byte[] Content, string Text, string ContentType, string ETag)
    {
        public static PageAsset Read(Assembly assembly, string resource, string contentType)
        {
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded resource {resource} cannot be read.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"";
            return new PageAsset(content, new UTF8Encoding(false).GetString(content), contentType, etag);
        }
    }
}
