using System.Text.Json;
using IntegrationHub.Adapters.EServices.Push.Reading;

namespace IntegrationHub.Adapters.EServices.Tests.Push;

/// <summary>The documented JSONPath subset: names, quoted names, indexes and wildcards, and clear refusals of the rest.</summary>
public sealed class JsonPathTests
{
    private const string Document = """
        { "a": { "b": "ett", "c d": 2 }, "list": [ { "b": "första" }, { "b": "andra" }, { "x": 1 } ], "n": null, "t": true }
        """;

    [Theory]
    [InlineData("$.a.b", new[] { "ett" })]
    [InlineData("$['a']['c d']", new[] { "2" })]
    [InlineData("$[\"a\"].b", new[] { "ett" })]
    [InlineData("$.list[0].b", new[] { "första" })]
    [InlineData("$.list[1].b", new[] { "andra" })]
    [InlineData("$.list[*].b", new[] { "första", "andra" })]
    [InlineData("$.list.*.b", new[] { "första", "andra" })]
    [InlineData("$.list[7].b", new string[0])]
    [InlineData("$.saknas.b", new string[0])]
    [InlineData("$.a.b.c", new string[0])]
    [InlineData("@.a.b", new[] { "ett" })]
    public void Select_FindsWhatThePathNames(string expression, string[] expected)
    {
        Assert.True(JsonPath.TryParse(expression, out var path, out var error), error);
        using var json = JsonDocument.Parse(Document);

        var values = path!.Select(PayloadValue.FromJson(json.RootElement));

        Assert.Equal(expected, values.Select(v => v.Text));
    }

    [Fact]
    public void Select_TellsTextFromStructuresNullsAndBooleans()
    {
        using var json = JsonDocument.Parse(Document);
        var root = PayloadValue.FromJson(json.RootElement);

        Kind("$.a", root, PayloadKind.Structure);
        Kind("$.list", root, PayloadKind.Structure);
        Kind("$.n", root, PayloadKind.Null);
        Kind("$.t", root, PayloadKind.Boolean);
        Kind("$.a.b", root, PayloadKind.Text);
        Kind("$.list[2].x", root, PayloadKind.Text);
    }

    [Theory]
    [InlineData("", "must start with $")]
    [InlineData("a.b", "must start with $")]
    [InlineData("$.", "has no name after the '.' at position 2")]
    [InlineData("$..a", "has no name after the '.' at position 2")]
    [InlineData("$.a[", "has a '[' at position 4")]
    [InlineData("$.a[-1]", "has a '[' at position 4")]
    [InlineData("$.a[1", "has a bad array index")]
    [InlineData("$.a[?(@.b)]", "has a '[' at position 4")]
    [InlineData("$['a", "has an unclosed quoted name")]
    [InlineData("$a", "has 'a' at position 2")]
    [InlineData("$.a b", "has ' ' at position 4")]
    public void TryParse_RefusesWhatTheSubsetLacks_SayingWhere(string expression, string message)
    {
        Assert.False(JsonPath.TryParse(expression, out _, out var error));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    private static void Kind(string expression, PayloadValue root, PayloadKind kind)
    {
        Assert.True(JsonPath.TryParse(expression, out var path, out _));
        Assert.Equal(kind, Assert.Single(path!.Select(root)).Kind);
    }
}
