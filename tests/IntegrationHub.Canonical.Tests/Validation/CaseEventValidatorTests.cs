using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Canonical.Validation;

namespace IntegrationHub.Canonical.Tests.Validation;

public sealed class CaseEventValidatorTests
{
    [Fact]
    public void Validate_PersonnummerWithWrongCheckDigit_ReportsLuhnAtIdentityValue()
    {
        var errors = Validate("opened.json", e => e["data"]!["parties"]![0]!["identity"]!["value"] = "191212121213");

        Assert.Equal([("/data/parties/0/identity/value", "luhn")], Pairs(errors));
    }

    [Fact]
    public void Validate_PersonnummerWithImpossibleDateAndWrongCheckDigit_ReportsBoth()
    {
        var errors = Validate("opened.json", e => e["data"]!["parties"]![0]!["identity"]!["value"] = "191202301239");

        Assert.Equal(
            [("/data/parties/0/identity/value", "luhn"), ("/data/parties/0/identity/value", "personnummer-date")],
            Pairs(errors));
    }

    [Fact]
    public void Validate_SamordningsnummerTypedAsPersonnummer_ReportsPersonnummerDate()
    {
        var errors = Validate("opened.json", e => e["data"]!["parties"]![0]!["identity"]!["value"] = "191212721235");

        Assert.Equal([("/data/parties/0/identity/value", "personnummer-date")], Pairs(errors));
    }

    [Fact]
    public void Validate_BadIdentityNumbers_MessagesNeverContainTheNumber()
    {
        var errors = Validate("opened.json", e =>
        {
            e["data"]!["parties"]![0]!["identity"]!["value"] = "191202301239";
            e["data"]!["parties"]![1]!["identity"]!["value"] = "191212451239";
            e["data"]!["parties"]![2]!["identity"]!["value"] = "5510001233";
        });

        Assert.Equal(5, errors.Count);
        Assert.All(errors, error => Assert.DoesNotMatch("[0-9]{6}", error.Message));
    }

    [Fact]
    public void Validate_IdentitiesOutsideParties_AreCheckedToo()
    {
        var errors = Validate("decided--forskoleplacering.json", e => e["data"]!["concerns"]!["identity"]!["value"] = "202212122383");
        var documentErrors = Validate("decided.json", e => e["data"]!["document"]!["recipients"]![1]!["identity"]!["value"] = "2120002412");
        var senderErrors = Validate("opened.json", e => e["data"]!["document"]!["sender"]!["identity"]!["value"] = "191212121213");

        Assert.Equal([("/data/concerns/identity/value", "luhn")], Pairs(errors));
        Assert.Equal([("/data/document/recipients/1/identity/value", "luhn")], Pairs(documentErrors));
        Assert.Equal([("/data/document/sender/identity/value", "luhn")], Pairs(senderErrors));
    }

    [Fact]
    public void Validate_OrganisationsnummerWithNineDigits_ReportsPatternOfTheMatchingAlternativeOnly()
    {
        var errors = Validate("opened.json", e => e["data"]!["parties"]![2]!["identity"]!["value"] = "556677889");

        Assert.Equal([("/data/parties/2/identity/value", "pattern")], Pairs(errors));
    }

    [Fact]
    public void Validate_PartyIdWithSpace_ReportsPattern()
    {
        var errors = Validate("status-changed.json", e => e["data"]!["parties"]![0]!["identity"]!["value"] = "edp customer 100245");

        Assert.Equal([("/data/parties/0/identity/value", "pattern")], Pairs(errors));
    }

    [Fact]
    public void Validate_IdentityAsString_ReportsTypeOnly()
    {
        var errors = Validate("opened.json", e => e["data"]!["parties"]![0]!["identity"] = "191212121212");

        Assert.Equal([("/data/parties/0/identity", "type")], Pairs(errors));
    }

    [Fact]
    public void Validate_UnknownExtensionAttributes_AreAllowed()
    {
        var errors = Validate("status-changed.json", e =>
        {
            e["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            e["sequence"] = 42;
            e["replay"] = true;
        });

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_ExtensionNameWithTrailingLineFeed_ReportsAdditionalProperties()
    {
        var errors = Validate("status-changed.json", e => e["trace\n"] = "x");

        Assert.Equal([("/trace\n", "additionalProperties")], Pairs(errors));
    }

    [Fact]
    public void Validate_ExtraPropertyWithSlashInName_EscapesThePointer()
    {
        var errors = Validate("status-changed.json", e => e["data"]!["case"]!["a/b~c"] = "x");

        Assert.Equal([("/data/case/a~1b~0c", "additionalProperties")], Pairs(errors));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEachOfThem()
    {
        var errors = Validate("status-changed.json", e =>
        {
            e.AsObject().Remove("time");
            e["municipality"] = "22810";
            e["data"]!["event"]!["headline"] = string.Empty;
        });

        Assert.Equal(
            [("/data/event/headline", "minLength"), ("/municipality", "pattern"), ("/time", "required")],
            Pairs(errors));
    }

    [Fact]
    public void Validate_JsonArray_ReportsTypeAtRoot()
    {
        using var document = JsonDocument.Parse("[]");

        Assert.Equal([("", "type")], Pairs(CaseEventValidator.Default.Validate(document.RootElement)));
    }

    [Fact]
    public void Validate_DefaultJsonElement_ReportsTypeAtRoot()
    {
        Assert.Equal([("", "type")], Pairs(CaseEventValidator.Default.Validate(default)));
    }

    [Fact]
    public void Validate_DataMissing_ReportsRequiredOnly()
    {
        var errors = Validate("document-registered.json", e => e.AsObject().Remove("data"));

        Assert.Equal([("/data", "required")], Pairs(errors));
    }

    [Fact]
    public void Validate_DocumentOfWrongType_ReportsTypeNotRequiresDocument()
    {
        var errors = Validate("document-registered.json", e => e["data"]!["document"] = "e-post");

        Assert.Equal([("/data/document", "type")], Pairs(errors));
    }

    [Fact]
    public void Validate_OpenedWithoutCase_ReportsRequiredNotRequiresTitle()
    {
        var errors = Validate("opened.json", e => e["data"]!.AsObject().Remove("case"));

        Assert.Equal([("/data/case", "required")], Pairs(errors));
    }

    [Fact]
    public void Validate_CollaborationKindUnknown_ReportsEnumOnly()
    {
        var errors = Validate("referred.json", e => e["data"]!["collaboration"]!["kind"] = "samråd");

        Assert.Equal([("/data/collaboration/kind", "enum")], Pairs(errors));
    }

    [Theory]
    [InlineData("referral-answered.json", "uppdragsgivning")]
    [InlineData("assigned.json", "remiss")]
    [InlineData("assignment-reported.json", "vidarebefordran")]
    [InlineData("completed.json", "remiss")]
    public void Validate_CollaborationKindThatDoesNotFitTheType_ReportsCollaborationKind(string example, string kind)
    {
        var errors = Validate(example, e =>
        {
            e["data"]!["collaboration"]!["kind"] = kind;
            e["data"]!["collaboration"]!.AsObject().Remove("retainedFollowUp");
        });

        Assert.Equal([("/data/collaboration/kind", "collaboration-kind")], Pairs(errors));
    }

    [Fact]
    public void Validate_CompletedAssignment_IsValid()
    {
        var errors = Validate("completed.json", e =>
        {
            e["data"]!["collaboration"]!["kind"] = "uppdragsgivning";
            e["data"]!["collaboration"]!.AsObject().Remove("retainedFollowUp");
        });

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_RetainedFollowUpFalseOnUppdragsgivning_ReportsRetainedFollowUp()
    {
        var errors = Validate("assigned.json", e => e["data"]!["collaboration"]!["retainedFollowUp"] = false);

        Assert.Equal([("/data/collaboration/retainedFollowUp", "retained-follow-up")], Pairs(errors));
    }

    [Theory]
    [InlineData("KS 2026/0412", 2026, 412, true)]
    [InlineData("2026-000347", 2026, 347, true)]
    [InlineData("KS-2026/2026", 2026, 2026, true)]
    [InlineData("KS 2026/0412", 2026, 41, false)]
    [InlineData("KS 2026/0412", 2026, 2026, false)]
    public void Validate_DiarienummerRunningNumber_MustAppearAsItsOwnDigits(string value, int year, int runningNumber, bool valid)
    {
        var errors = Validate("decided.json", e => e["data"]!["case"]!["diarienummer"] = new JsonObject
        {
            ["value"] = value,
            ["year"] = year,
            ["runningNumber"] = runningNumber,
        });

        Assert.Equal(valid ? [] : [("/data/case/diarienummer/runningNumber", "diarienummer-parts")], Pairs(errors));
    }

    [Theory]
    [InlineData("2026-03-02t09:14:07z")]
    [InlineData("2026-03-02T09:14:07.123456+01:00")]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("2024-02-29T00:00:00-05:30")]
    public void Validate_Rfc3339DateTimes_AreAccepted(string time)
    {
        Assert.Empty(Validate("status-changed.json", e => e["time"] = time));
    }

    [Theory]
    [InlineData("2026-03-02 09:14:07+01:00")]
    [InlineData("2026-03-02T09:14+01:00")]
    [InlineData("2026-03-02T24:00:00Z")]
    [InlineData("2026-03-02T09:14:07+0100")]
    [InlineData("2025-02-29T09:14:07Z")]
    [InlineData("2026-03-02T09:14:07Z\n")]
    public void Validate_NonRfc3339DateTimes_ReportFormat(string time)
    {
        Assert.Equal([("/time", "format")], Pairs(Validate("status-changed.json", e => e["time"] = time)));
    }

    [Fact]
    public void Validate_EmailWithTrailingLineFeed_ReportsFormat()
    {
        var errors = Validate("opened.json", e => e["data"]!["parties"]![0]!["email"] = "tolvan.tolvansson@example.com\n");

        Assert.Equal([("/data/parties/0/email", "format")], Pairs(errors));
    }

    [Fact]
    public void Validate_DuplicateNestedProperty_ReportsDuplicateProperty()
    {
        var json = File.ReadAllText(Path.Combine(SchemaFiles.ValidDirectory, "status-changed.json"))
            .Replace("\"caseNumber\": \"VA-2026-0098\",", "\"caseNumber\": \"VA-2026-0098\", \"caseNumber\": \"VA-2026-0099\",", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        Assert.Equal([("/data/case/caseNumber", "duplicate-property")], Pairs(CaseEventValidator.Default.Validate(document.RootElement)));
    }

    [Fact]
    public void Validate_ManyThreadsAtOnce_GiveTheSameResultsAsOneThread()
    {
        var files = SchemaFiles.InvalidExampleNames().Select(f => Path.Combine(SchemaFiles.InvalidDirectory, f))
            .Concat(SchemaFiles.ValidExampleNames().Select(f => Path.Combine(SchemaFiles.ValidDirectory, f)))
            .ToList();
        var documents = files.Select(SchemaFiles.Parse).ToList();
        var expected = documents.Select(d => Pairs(CaseEventValidator.Default.Validate(d.RootElement))).ToList();
        var actual = new List<(string, string)>[documents.Count * 8];

        Parallel.For(0, actual.Length, i => actual[i] = Pairs(CaseEventValidator.Default.Validate(documents[i % documents.Count].RootElement)));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % documents.Count], actual[i]);
        }

        documents.ForEach(d => d.Dispose());
    }

    private static IReadOnlyList<ValidationError> Validate(string validExample, Action<JsonNode> mutate)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaFiles.ValidDirectory, validExample)))!;
        mutate(node);
        using var document = JsonDocument.Parse(node.ToJsonString());
        return CaseEventValidator.Default.Validate(document.RootElement);
    }

    private static List<(string, string)> Pairs(IEnumerable<ValidationError> errors) =>
        errors.Select(e => (e.Pointer, e.Rule)).Order().ToList();
}
