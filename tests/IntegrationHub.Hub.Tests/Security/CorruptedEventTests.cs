using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Security;

/// <summary>
/// Thousands of corrupted variants of the valid example events, posted to the intake: never a 5xx, every refusal a
/// problem document that names a field (or position) and a rule, and nothing of a refused request stored. Seeded:
/// a failure prints the seed and the variant's mutation so it can be replayed.
/// </summary>
public sealed class CorruptedEventTests(HubFactory hub) : IClassFixture<HubFactory>
{
    private const int Seed = 20261202;
    private const int Variants = 3000;

    [Fact]
    public async Task Corrupted_events_are_refused_clearly_and_store_nothing()
    {
        var examples = Directory.GetFiles(RepositoryFiles.PathOf("schemas/sambruk-case-event/v1/examples/valid"), "*.json")
            .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var random = new Random(Seed);
        using var client = hub.CreateClient();
        var failures = new List<string>();
        var accepted = 0;
        for (var i = 0; i < Variants && failures.Count < 10; i++)
        {
            var (body, mutation) = Mutate(examples[random.Next(examples.Count)], random, i);
            var before = await LastSequence(client);
            var response = await client.PostAsync("/api/v1/events", new ByteArrayContent(body) { Headers = { { "Content-Type", "application/cloudevents+json" } } });
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"#{i} {mutation}: {status}");
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                accepted++;
                continue;
            }

            var text = await response.Content.ReadAsStringAsync();
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !NamesFieldAndRule(text))
            {
                failures.Add($"#{i} {mutation}: {status} without a problem naming field and rule: {text[..Math.Min(200, text.Length)]}");
            }
            else if (await LastSequence(client) != before)
            {
                failures.Add($"#{i} {mutation}: refused with {status} but something was stored");
            }
        }

        Assert.True(failures.Count == 0, $"seed {Seed}:\n{string.Join('\n', failures)}");
        Assert.True(accepted < Variants / 2, $"most variants should be refused; {accepted} of {Variants} were accepted");
    }

    private static bool NamesFieldAndRule(string problem)
    {
        using var document = JsonDocument.Parse(problem);
        var root = document.RootElement;
        if (root.TryGetProperty("line", out _))
        {
            return true; // malformed JSON: the position is the "field"
        }

        if (root.TryGetProperty("limit", out _) || root.TryGetProperty("accepted", out _))
        {
            return true; // too large / media type: the limit or the accepted types are named
        }

        return root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
            && errors.EnumerateArray().All(e => e.TryGetProperty("pointer", out var p) && p.GetString() is { Length: > 0 }
                && e.TryGetProperty("rule", out var r) && r.GetString() is { Length: > 0 });
    }

    private static async Task<long> LastSequence(HttpClient client)
    {
        var health = await (await client.GetAsync("/health")).Json();
        return health.TryGetProperty("lastSequence", out var last) ? last.GetInt64() : 0;
    }

    /// <summary>One corruption of a valid example: structural (JSON tree) or raw (bytes).</summary>
    private static (byte[] Body, string Mutation) Mutate(string example, Random random, int index)
    {
        var node = JsonNode.Parse(example)!.AsObject();
        node["id"] = $"corrupt-{index}-{Guid.NewGuid():N}";
        var paths = Paths(node, "").ToList();
        var (path, target) = paths[random.Next(paths.Count)];
        var kind = random.Next(12);
        string mutation;
        switch (kind)
        {
            case 0: Remove(target); mutation = $"remove {path}"; break;
            case 1: Replace(target, JsonValue.Create(random.Next())); mutation = $"number at {path}"; break;
            case 2: Replace(target, JsonValue.Create(new string('å', random.Next(300, 20_000)))); mutation = $"long string at {path}"; break;
            case 3: Replace(target, null); mutation = $"null at {path}"; break;
            case 4: Replace(target, new JsonArray(JsonValue.Create("x"), JsonValue.Create(1))); mutation = $"array at {path}"; break;
            case 5: Replace(target, JsonValue.Create("19121212121" + random.Next(10))); mutation = $"personnummer-like at {path}"; break;
            case 6: Replace(target, JsonValue.Create("2026-02-30T25:61:00+01:00")); mutation = $"bad date at {path}"; break;
            case 7: Replace(target, Nest(random.Next(40, 200))); mutation = $"deep nesting at {path}"; break;
            case 8: node[$"extra{random.Next(100)}"] = "?"; mutation = "unknown top-level attribute"; break;
            default:
                var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
                return RawMutation(bytes, random, kind);
        }

        return (Encoding.UTF8.GetBytes(node.ToJsonString()), mutation);
    }

    private static (byte[], string) RawMutation(byte[] bytes, Random random, int kind)
    {
        var copy = bytes.ToArray();
        switch (kind)
        {
            case 9:
                var at = random.Next(copy.Length);
                copy[at] ^= (byte)(1 << random.Next(8));
                return (copy, $"bit flip at byte {at}");
            case 10:
                var cut = random.Next(1, copy.Length);
                return (copy[..cut], $"truncated at {cut}");
            default:
                var where = random.Next(copy.Length);
                var invalid = new byte[] { 0xC3, 0x28, 0xFF };
                return ([.. copy[..where], .. invalid, .. copy[where..]], $"invalid UTF-8 at {where}");
        }
    }

    private static JsonNode Nest(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }

        return node;
    }

    private static IEnumerable<(string Path, JsonNode Node)> Paths(JsonNode node, string path)
    {
        if (path.Length > 0)
        {
            yield return (path, node);
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    if (child is not null)
                    {
                        foreach (var p in Paths(child, $"{path}/{key}")) yield return p;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child)
                    {
                        foreach (var p in Paths(child, $"{path}/{i}")) yield return p;
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode target)
    {
        switch (target.Parent)
        {
            case JsonObject o: o.Remove(target.GetPropertyName()); break;
            case JsonArray a: a.Remove(target); break;
        }
    }

    private static void Replace(JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject o: o[target.GetPropertyName()] = value; break;
            case JsonArray a: a[target.GetElementIndex()] = value; break;
        }
    }
}
