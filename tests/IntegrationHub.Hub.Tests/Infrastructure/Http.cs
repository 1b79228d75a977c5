using System.Net.Http.Headers;
using System.Text.Json;

namespace IntegrationHub.Hub.Tests.Infrastructure;

public static class Http
{
    public static ByteArrayContent Body(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    public static Task<HttpResponseMessage> PostEvent(this HttpClient client, byte[] json) =>
        client.PostAsync("/api/v1/events", Body(json, "application/cloudevents+json"));

    public static async Task<JsonElement> Json(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The (pointer, rule) pairs of a ProblemDetails' errors.</summary>
    public static IReadOnlyList<(string Pointer, string Rule)> Errors(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("pointer").GetString()!, e.GetProperty("rule").GetString()!))];
}
