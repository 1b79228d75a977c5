using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;
using IntegrationHub.Canonical.Validation;
using IntegrationHub.Canonical.Tests.Validation;

namespace IntegrationHub.Canonical.Tests.Serialization;

/// <summary>The C# model mirrors the schema: every example reads into records and writes back to the same JSON.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> ValidExamples() => [.. SchemaFiles.ValidExampleNames()];

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Example_ReadIntoTheModelAndWrittenBack_IsTheSameJsonAndStillValid(string name)
    {
        var original = File.ReadAllBytes(Path.Combine(SchemaFiles.ValidDirectory, name));

        var caseEvent = CaseEventFormatter.DecodeStructured(original);
        var written = CaseEventFormatter.EncodeStructured(caseEvent);

        var expected = Normalise(JsonNode.Parse(original)!);
        var actual = Normalise(JsonNode.Parse(written)!);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{name} changed in the round trip:\nexpected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
        using var document = JsonDocument.Parse(written);
        Assert.Empty(CaseEventValidator.Default.Validate(document.RootElement));
    }

    [Fact]
    public void Batch_OfAllExamples_RoundTripsInOrder()
    {
        var events = SchemaFiles.ValidExampleNames()
            .Select(name => CaseEventFormatter.DecodeStructured(File.ReadAllBytes(Path.Combine(SchemaFiles.ValidDirectory, name))))
            .ToList();

        var decoded = CaseEventFormatter.DecodeBatch(CaseEventFormatter.EncodeBatch(events));

        Assert.Equal(events.Select(e => (e.Source, e.Id)), decoded.Select(e => (e.Source, e.Id)));
        Assert.Equal(events.Select(e => e.Data.Case.SourceCaseId), decoded.Select(e => e.Data.Case.SourceCaseId));
    }

    [Fact]
    public void Model_SwedishEnumValues_AreWrittenAsTheSchemaSpellsThem()
    {
        var caseEvent = CaseEventFormatter.DecodeStructured(File.ReadAllBytes(Path.Combine(SchemaFiles.ValidDirectory, "opened.json"))) with
        {
            DataClassification = DataClassification.Restricted,
        };
        caseEvent = caseEvent with
        {
            Data = caseEvent.Data with
            {
                Case = caseEvent.Data.Case with { Status = CaseStatus.AdActa },
                Event = caseEvent.Data.Event with { Category = CustomerEventCategory.ActionRequired },
            },
        };

        var json = JsonNode.Parse(CaseEventFormatter.EncodeStructured(caseEvent))!;

        Assert.Equal("restricted", json["dataclassification"]!.GetValue<string>());
        Assert.Equal("Ad Acta", json["data"]!["case"]!["status"]!.GetValue<string>());
        Assert.Equal("Åtgärd krävs", json["data"]!["event"]!["category"]!.GetValue<string>());
    }

    [Fact]
    public void PartyIdentity_ToString_NeverShowsTheNumber()
    {
        var identity = new PartyIdentity(IdentityType.Personnummer, "191212121212");

        Assert.DoesNotContain("1212", identity.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1212", new Party { Role = PartyRole.Applicant, Identity = identity }.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void ToString_OfAnyModelObject_ShowsNoPersonalDataOrCaseText(string name)
    {
        var json = File.ReadAllText(Path.Combine(SchemaFiles.ValidDirectory, name));
        var caseEvent = CaseEventFormatter.DecodeStructured(System.Text.Encoding.UTF8.GetBytes(json));
        var data = caseEvent.Data;
        object?[] parts = [caseEvent, data, data.Event, data.Document, data.Concerns, data.Document?.Sender, .. data.Parties ?? [], .. data.Document?.Recipients ?? []];

        foreach (var text in parts.OfType<object>().Select(p => p.ToString()!))
        {
            foreach (var secret in new[] { data.Event.Headline, data.Case.Title, data.Document?.Title }.Concat(data.Parties?.Select(p => p.Name) ?? [])
                .Concat(data.Parties?.Select(p => p.Identity?.Value) ?? []).Concat([data.Concerns?.Identity.Value, data.Document?.Sender?.Name]).OfType<string>())
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// Times are compared as instants with their offset, since RFC 3339 allows several spellings of one
    /// instant (e.g. with or without fractional seconds); everything else must be identical.
    /// </summary>
    private static JsonNode Normalise(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    copy[key] = value is null ? null : Normalise(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : Normalise(item))]);
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 10 && text[10] == 'T'
                                       && DateTimeOffset.TryParse(text, out var instant):
                return JsonValue.Create(instant.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture));
            default:
                return node.DeepClone();
        }
    }
}
