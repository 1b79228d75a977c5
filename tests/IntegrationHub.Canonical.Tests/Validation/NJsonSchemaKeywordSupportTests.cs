using NJsonSchema;

namespace IntegrationHub.Canonical.Tests.Validation;

/// <summary>
/// Pins what NJsonSchema 11.6.2 enforces for each keyword the case-event schema relies on, and the gaps the
/// schema or <c>StrictJsonSchemaValidator</c> work around. A failing "caveat" test after an upgrade means a
/// workaround may be removable: read schemas/README.md before changing anything.
/// </summary>
public sealed class NJsonSchemaKeywordSupportTests
{
    [Theory]
    [InlineData("""{"type":"string"}""", "5", false)]
    [InlineData("""{"type":"integer"}""", "1.5", false)]
    [InlineData("""{"type":"boolean"}""", "\"true\"", false)]
    [InlineData("""{"type":"object"}""", "[]", false)]
    [InlineData("""{"type":"array"}""", "{}", false)]
    [InlineData("""{"type":["string","integer","boolean"]}""", "{}", false)]
    [InlineData("""{"type":["string","integer","boolean"]}""", "7", true)]
    [InlineData("""{"type":"object","required":["a"]}""", "{}", false)]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""", """{"b":1}""", false)]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""", """{"a":"x"}""", true)]
    [InlineData("""{"type":"string","enum":["1.0"]}""", "\"0.3\"", false)]
    [InlineData("""{"type":"string","pattern":"^[0-9]{4}$"}""", "\"228\"", false)]
    [InlineData("""{"type":"string","minLength":1}""", "\"\"", false)]
    [InlineData("""{"type":"string","maxLength":3}""", "\"abcd\"", false)]
    [InlineData("""{"type":"string","maxLength":3}""", "\"åäö\"", true)]
    [InlineData("""{"type":"integer","minimum":1}""", "0", false)]
    [InlineData("""{"type":"integer","maximum":2999}""", "3000", false)]
    [InlineData("""{"type":"array","maxItems":1}""", "[1,2]", false)]
    [InlineData("""{"type":"array","items":{"type":"string"}}""", "[\"a\",1]", false)]
    [InlineData("""{"type":"string","format":"date"}""", "\"2026-02-30\"", false)]
    [InlineData("""{"type":"string","format":"date"}""", "\"2026-02-28\"", true)]
    [InlineData("""{"type":"string","format":"email"}""", "\"not-an-email\"", false)]
    [InlineData("""{"type":"string","format":"email"}""", "\"bygglov@sundsvall.example\"", true)]
    [InlineData("""{"anyOf":[{"required":["a"]},{"required":["b"]}]}""", "{}", false)]
    [InlineData("""{"anyOf":[{"required":["a"]},{"required":["b"]}]}""", """{"b":1}""", true)]
    [InlineData("""{"oneOf":[{"properties":{"t":{"enum":["x"]}}},{"properties":{"t":{"enum":["y"]}}}]}""", """{"t":"z"}""", false)]
    [InlineData("""{"oneOf":[{"properties":{"t":{"enum":["x"]}}},{"properties":{"t":{"enum":["y"]}}}]}""", """{"t":"y"}""", true)]
    [InlineData("""{"allOf":[{"type":"string"},{"maxLength":1}]}""", "\"ab\"", false)]
    [InlineData("""{"type":"object","patternProperties":{"^[a-z]+$":{"type":"string"}},"additionalProperties":false}""", """{"ext":1}""", false)]
    [InlineData("""{"type":"object","patternProperties":{"^[a-z]+$":{"type":"string"}},"additionalProperties":false}""", """{"Ext":"x"}""", false)]
    [InlineData("""{"type":"object","patternProperties":{"^(?!data$)[a-z]+$":{"type":"string"}},"additionalProperties":false}""", """{"data":"x"}""", false)]
    [InlineData("""{"type":"object","patternProperties":{"^(?!data$)[a-z]+$":{"type":"string"}},"additionalProperties":false}""", """{"ext":"x"}""", true)]
    public async Task Keyword_IsEnforced(string schemaJson, string instance, bool valid)
    {
        var schema = await JsonSchema.FromJsonAsync(schemaJson);

        Assert.Equal(valid, schema.Validate(instance).Count == 0);
    }

    [Fact]
    public async Task Ref_ToDefinitionsThatReferenceEachOther_IsResolved()
    {
        var schema = await JsonSchema.FromJsonAsync("""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": { "a": { "description": "A", "$ref": "#/definitions/A" } },
              "definitions": {
                "A": { "type": "object", "properties": { "b": { "$ref": "#/definitions/B" } }, "additionalProperties": false },
                "B": { "type": "string", "maxLength": 2 }
              }
            }
            """);

        Assert.Single(schema.Validate("""{"a":{"b":"abc"}}"""));
        Assert.Empty(schema.Validate("""{"a":{"b":"ab"}}"""));
    }

    [Fact]
    public async Task PatternProperties_ApplyToDeclaredPropertiesToo_SoTheExtensionPatternExcludesData()
    {
        var schema = await JsonSchema.FromJsonAsync("""
            {
              "type": "object",
              "properties": { "data": { "type": "object" } },
              "patternProperties": { "^[a-z]+$": { "type": "string" } },
              "additionalProperties": false
            }
            """);

        Assert.NotEmpty(schema.Validate("""{"data":{}}"""));
    }

    [Fact]
    public async Task Caveat_NestedRefUnderDefs_IsNotResolved_SoTheSchemaUsesDefinitions()
    {
        var schema = await JsonSchema.FromJsonAsync("""
            {
              "type": "object",
              "properties": { "a": { "$ref": "#/$defs/A" } },
              "$defs": {
                "A": { "type": "object", "properties": { "b": { "$ref": "#/$defs/B" } } },
                "B": { "type": "string" }
              }
            }
            """);

        Assert.Throws<InvalidOperationException>(() => schema.Validate("""{"a":{"b":"x"}}"""));
    }

    [Fact]
    public async Task Caveat_Const_IsNotEnforced_SoTheSchemaUsesOneElementEnums()
    {
        var schema = await JsonSchema.FromJsonAsync("""{"type":"string","const":"1.0"}""");

        Assert.Empty(schema.Validate("\"0.3\""));
    }

    [Theory]
    [InlineData("\"2026-03-02\"")]
    [InlineData("\"2026-03-02T10:00:00\"")]
    [InlineData("\"2026-02-30T10:00:00Z\"")]
    public async Task Caveat_DateTimeFormat_IsLax_SoTheValidatorChecksRfc3339Itself(string instance)
    {
        var schema = await JsonSchema.FromJsonAsync("""{"type":"string","format":"date-time"}""");

        Assert.Empty(schema.Validate(instance));
    }

    [Fact]
    public async Task Caveat_UriFormat_AcceptsAnAbsolutePathOnUnix_AndUriReferenceIsUnchecked()
    {
        var uri = await JsonSchema.FromJsonAsync("""{"type":"string","format":"uri"}""");
        var uriReference = await JsonSchema.FromJsonAsync("""{"type":"string","format":"uri-reference"}""");

        if (!OperatingSystem.IsWindows())
        {
            Assert.Empty(uri.Validate("\"/oep/mypages\""));
        }

        Assert.Empty(uriReference.Validate("\"not a uri reference\""));
    }

    [Fact]
    public async Task Caveat_PatternDollar_MatchesBeforeAFinalLineFeed_SoTheValidatorAnchorsAtEndOfString()
    {
        var schema = await JsonSchema.FromJsonAsync("""{"type":"string","pattern":"^[0-9]{4}$"}""");

        Assert.Empty(schema.Validate("\"2281\\n\""));
    }
}
