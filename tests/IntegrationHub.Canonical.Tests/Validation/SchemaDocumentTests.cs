using System.Text.Json;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Canonical.Tests.Validation;

public sealed class SchemaDocumentTests
{
    [Fact]
    public void SchemaFile_IsJsonSchema202012WithTheVersionedId()
    {
        using var schema = SchemaFiles.Parse(SchemaFiles.SchemaPath);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(CaseEventSchema.Id, schema.RootElement.GetProperty("$id").GetString());
    }

    [Fact]
    public void SchemaFile_EveryPropertyHasADescription()
    {
        using var schema = SchemaFiles.Parse(SchemaFiles.SchemaPath);
        var missing = new List<string>();

        FindPropertiesWithoutDescription(schema.RootElement, "#", missing);

        Assert.Empty(missing);
    }

    [Fact]
    public void SchemaFile_EveryDefinitionIsReferencedAndEveryReferenceResolves()
    {
        using var schema = SchemaFiles.Parse(SchemaFiles.SchemaPath);
        var definitions = schema.RootElement.GetProperty("definitions").EnumerateObject().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var references = new HashSet<string>(StringComparer.Ordinal);

        FindReferences(schema.RootElement, references);

        Assert.All(references, r => Assert.Contains(r["#/definitions/".Length..], definitions));
        Assert.All(definitions, d => Assert.Contains("#/definitions/" + d, references));
    }

    [Fact]
    public void SchemaFile_EveryObjectInsideDataForbidsAdditionalProperties()
    {
        using var schema = SchemaFiles.Parse(SchemaFiles.SchemaPath);

        foreach (var definition in schema.RootElement.GetProperty("definitions").EnumerateObject())
        {
            if (definition.Value.GetProperty("type").GetString() == "object")
            {
                Assert.False(definition.Value.GetProperty("additionalProperties").GetBoolean(), definition.Name);
            }
        }
    }

    [Fact]
    public void EmbeddedSchema_IsTheSchemaFileInTheRepository()
    {
        Assert.Equal(File.ReadAllText(SchemaFiles.SchemaPath), CaseEventSchema.ReadJson());
    }

    private static void FindPropertiesWithoutDescription(JsonElement element, string path, List<string> missing)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Name is "properties" or "patternProperties" && member.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in member.Value.EnumerateObject())
                        {
                            if (!property.Value.TryGetProperty("description", out var description)
                                || string.IsNullOrWhiteSpace(description.GetString()))
                            {
                                missing.Add($"{path}/{member.Name}/{property.Name}");
                            }
                        }
                    }

                    FindPropertiesWithoutDescription(member.Value, $"{path}/{member.Name}", missing);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    FindPropertiesWithoutDescription(item, $"{path}/{index++}", missing);
                }

                break;
            default:
                break;
        }
    }

    private static void FindReferences(JsonElement element, HashSet<string> references)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Name == "$ref")
                {
                    references.Add(member.Value.GetString()!);
                }
                else
                {
                    FindReferences(member.Value, references);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                FindReferences(item, references);
            }
        }
    }
}
