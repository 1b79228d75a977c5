using System.Text.Json;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Canonical.Tests.Validation;

public sealed class ExampleValidationTests
{
    private static readonly string[] EventTypes =
    [
        "opened", "status-changed", "document-registered", "decided", "referred", "referral-answered", "assigned",
        "assignment-reported", "forwarded", "completed", "paused", "resumed", "closed", "reopened",
    ];

    public static TheoryData<string> ValidExamples() => new(SchemaFiles.ValidExampleNames());

    public static TheoryData<string> InvalidExamples() => new(SchemaFiles.InvalidExampleNames());

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Validate_ValidExample_ReportsNoErrors(string file)
    {
        using var document = SchemaFiles.Parse(Path.Combine(SchemaFiles.ValidDirectory, file));

        var errors = CaseEventValidator.Default.Validate(document.RootElement);

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void ValidExample_FileName_StartsWithItsEventType(string file)
    {
        using var document = SchemaFiles.Parse(Path.Combine(SchemaFiles.ValidDirectory, file));

        var type = document.RootElement.GetProperty("type").GetString()!;
        var stem = Path.GetFileNameWithoutExtension(file).Split("--")[0];

        Assert.Equal("se.sambruk.case." + stem, type);
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void Validate_InvalidExample_ReportsExactlyTheExpectedErrors(string file)
    {
        using var document = SchemaFiles.Parse(Path.Combine(SchemaFiles.InvalidDirectory, file));
        var expected = ExpectedErrors()[file];

        var actual = CaseEventValidator.Default.Validate(document.RootElement)
            .Select(e => (e.Pointer, e.Rule))
            .Order()
            .ToList();

        Assert.Equal(expected.Order().ToList(), actual);
    }

    [Fact]
    public void ExpectedErrors_ListsEveryInvalidExampleAndNothingElse()
    {
        var files = SchemaFiles.InvalidExampleNames();

        Assert.Equal(files, ExpectedErrors().Keys.Order(StringComparer.Ordinal));
        Assert.True(ExpectedErrors().Count >= 15);
    }

    [Fact]
    public void ValidExamples_CoverEveryEventType()
    {
        var covered = SchemaFiles.ValidExampleNames()
            .Select(file => Path.GetFileNameWithoutExtension(file).Split("--")[0])
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(EventTypes, type => Assert.Contains(type, covered));
    }

    [Fact]
    public void ValidExamples_UseEveryPropertyOfTheSchemaAtLeastOnce()
    {
        using var schema = SchemaFiles.Parse(SchemaFiles.SchemaPath);
        var definitions = schema.RootElement.GetProperty("definitions");
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        Collect("CloudEvent", schema.RootElement, declared);
        foreach (var definition in definitions.EnumerateObject())
        {
            Collect(definition.Name, definition.Value, declared);
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SchemaFiles.ValidExampleNames())
        {
            using var example = SchemaFiles.Parse(Path.Combine(SchemaFiles.ValidDirectory, file));
            Walk("CloudEvent", schema.RootElement, example.RootElement, definitions, used);
        }

        Assert.Empty(declared.Except(used));
    }

    private static void Collect(string owner, JsonElement schema, SortedSet<string> declared)
    {
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                declared.Add(owner + "." + property.Name);
            }
        }
    }

    private static void Walk(string owner, JsonElement schema, JsonElement value, JsonElement definitions, HashSet<string> used)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/definitions/".Length..];
            Walk(name, definitions.GetProperty(name), value, definitions, used);
            return;
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            foreach (var item in value.EnumerateArray())
            {
                Walk(owner, items, item, definitions, used);
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetProperty(property.Name, out var propertySchema))
            {
                used.Add(owner + "." + property.Name);
                Walk(owner, propertySchema, property.Value, definitions, used);
            }
        }
    }

    private static Dictionary<string, List<(string Pointer, string Rule)>> ExpectedErrors()
    {
        using var document = SchemaFiles.Parse(SchemaFiles.ExpectedErrorsPath);
        return document.RootElement.EnumerateObject().ToDictionary(
            file => file.Name,
            file => file.Value.EnumerateArray()
                .Select(e => (e.GetProperty("pointer").GetString()!, e.GetProperty("rule").GetString()!))
                .ToList(),
            StringComparer.Ordinal);
    }
}
