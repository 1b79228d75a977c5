using System.Text;
using IntegrationHub.Adapters.EServices.Push;
using IntegrationHub.Adapters.EServices.Tests.Push.Support;

namespace IntegrationHub.Adapters.EServices.Tests.Push;

/// <summary>Every refusal class, each naming what a platform team must fix, and none storing anything.</summary>
public sealed class PushRefusalTests
{
    [Fact]
    public async Task AnUnknownOrDisabledInstance_Is404()
    {
        var disabled = PushSamples.Options("artvise");
        disabled.Enabled = false;
        var fixture = new PushFixture(("artvise", disabled));
        var body = PushSamples.Bytes("artvise/submission.json");

        Assert.Equal(PushFailureKind.UnknownInstance, (await fixture.Push("finns-inte", body, "application/json", [])).Failure!.Kind);
        Assert.Equal(PushFailureKind.UnknownInstance, (await fixture.Artvise(body)).Failure!.Kind);
        Assert.Null(fixture.Handler.MaxBodyBytes("artvise"));
        Assert.Empty(fixture.Handler.Instances);
    }

    [Fact]
    public async Task ABodyOverMaxBodyBytes_Is413BeforeTheSignatureIsChecked()
    {
        var options = PushSamples.Options("artvise");
        options.MaxBodyBytes = 1024;
        var fixture = new PushFixture(("artvise", options));

        var result = await fixture.Push("artvise", PushSamples.Bytes("artvise/submission.json"), "application/json", []);

        Assert.Equal(PushFailureKind.TooLarge, result.Failure!.Kind);
        Assert.Equal(413, result.Failure.Status);
        Assert.Contains("1024 bytes", result.Failure.Detail, StringComparison.Ordinal);
        Assert.Equal(1024, fixture.Handler.MaxBodyBytes("artvise"));
    }

    [Theory]
    [InlineData("artvise", "application/xml")]
    [InlineData("artvise", "text/plain")]
    [InlineData("artvise", "application/json; charset=iso-8859-1")]
    [InlineData("artvise", null)]
    [InlineData("selfpoint", "application/json")]
    [InlineData("selfpoint", "inte en typ")]
    public async Task TheWrongContentType_Is415(string instance, string? contentType)
    {
        var fixture = new PushFixture();
        var body = PushSamples.Bytes(instance == "artvise" ? "artvise/submission.json" : "selfpoint/submission.xml");
        var headers = instance == "artvise" ? PushSamples.ArtviseHeaders(body, PushFixture.Now) : PushSamples.SelfpointHeaders();

        var result = await fixture.Handler.HandleAsync(instance, body, contentType, headers, CancellationToken.None);

        Assert.Equal(PushFailureKind.UnsupportedMediaType, result.Failure!.Kind);
        Assert.Equal(0, fixture.Store.Puts);
    }

    [Fact]
    public async Task TruncatedJson_Is400WithLineAndPosition()
    {
        var fixture = new PushFixture();

        var result = await fixture.Artvise(PushSamples.Bytes("artvise/submission-truncated.json"));

        Assert.Equal(PushFailureKind.Malformed, result.Failure!.Kind);
        var problem = Assert.Single(result.Failure.Problems);
        Assert.Equal(PushRules.JsonSyntax, problem.Rule);
        Assert.Equal(10, problem.Line);
        Assert.True(problem.Position > 1);
        Assert.Contains("line 10", result.Failure.Detail, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Store.Puts);
    }

    [Fact]
    public async Task MismatchedXmlTags_Are400WithLineAndPosition()
    {
        var fixture = new PushFixture();

        var result = await fixture.Selfpoint(PushSamples.Bytes("selfpoint/submission-malformed.xml"));

        var problem = Assert.Single(result.Failure!.Problems);
        Assert.Equal(PushFailureKind.Malformed, result.Failure.Kind);
        Assert.Equal(PushRules.XmlSyntax, problem.Rule);
        Assert.Equal(7, problem.Line);
    }

    [Fact]
    public async Task XmlWithADtd_IsRefusedAsMalformed()
    {
        var fixture = new PushFixture();
        var body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\">]><sp:Inlamning xmlns:sp=\"urn:selfpoint:inlamning:2\">&lol;</sp:Inlamning>");

        var result = await fixture.Selfpoint(body);

        Assert.Equal(PushFailureKind.Malformed, result.Failure!.Kind);
    }

    public static TheoryData<string, string, string, string> Unprocessable => new()
    {
        { "artvise/submission-bad-personnummer.json", "ApplicantPersonnummer", "$.personnummer", PushRules.Luhn },
        { "artvise/submission-missing-id.json", "SubmissionId", "$.submissionId", PushRules.Required },
        { "artvise/submission-bad-attachment.json", "Attachments[1].Content", "$.data", PushRules.Base64 },
        { "artvise/submission-wrong-type.json", "Title", "$.rubrik", PushRules.Type },
        { "selfpoint/submission-bad-organisationsnummer.xml", "ApplicantOrganisationsnummer", "/sp:Inlamning/sp:Parter/p:Part[@roll='sokande']/p:Organisation/p:Organisationsnummer", PushRules.Luhn },
        { "selfpoint/submission-missing-id.xml", "SubmissionId", "/sp:Inlamning/sp:Huvud/sp:InlamningsId", PushRules.Required },
        { "selfpoint/submission-bad-email.xml", "ApplicantEmail", "/sp:Inlamning/sp:Parter/p:Part[@roll='sokande']/p:Kontaktperson/p:Epost", PushRules.Email },
    };

    [Theory]
    [MemberData(nameof(Unprocessable))]
    public async Task ABadSample_Is422NamingTheCanonicalFieldItsPathAndTheRule(string sample, string field, string path, string rule)
    {
        var fixture = new PushFixture();
        var body = PushSamples.Bytes(sample);

        var result = sample.StartsWith("artvise", StringComparison.Ordinal) ? await fixture.Artvise(body) : await fixture.Selfpoint(body);

        Assert.Equal(PushFailureKind.Unprocessable, result.Failure!.Kind);
        var problem = Assert.Single(result.Failure.Problems);
        Assert.Equal((field, path, rule), (problem.Field, problem.Path, problem.Rule));
        Assert.Contains(field, problem.Message, StringComparison.Ordinal);
        Assert.Contains(path, problem.Message, StringComparison.Ordinal);
        Assert.Contains($"rule {rule}", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Store.Puts);
    }

    [Fact]
    public async Task ProblemMessages_NeverRepeatThePersonalData()
    {
        var fixture = new PushFixture();

        var result = await fixture.Artvise(PushSamples.Bytes("artvise/submission-bad-personnummer.json"));

        Assert.DoesNotContain(result.Failure!.Problems, p => p.Message.Contains("1212", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SeveralBadFields_AreAllReportedAtOnce()
    {
        var fixture = new PushFixture();
        var body = Encoding.UTF8.GetBytes("""
            { "submissionId": "AV-1", "submittedAt": "igår", "personnummer": "121212-1213", "epost": "inte-en-adress",
              "telefon": "ring mig", "rubrik": "Synpunkt", "status_url": "ftp://x", "bilagor": [ { "data": "AAAA" }, "text" ] }
            """);

        var result = await fixture.Artvise(body);

        Assert.Equal(
            ["SubmittedAt:format", "ApplicantPersonnummer:luhn", "ApplicantEmail:email", "ApplicantPhone:phone", "Link:format", "Attachments[0].Name:required", "Attachments[1]:type"],
            result.Failure!.Problems.Select(p => $"{p.Field}:{p.Rule}"));
    }

    [Theory]
    [InlineData("19121212-1212", true)]
    [InlineData("121212-1212", true)]
    [InlineData("191212721235", true)]
    [InlineData("19121312-1212", false)]
    [InlineData("1212121212121", false)]
    [InlineData("tolvan", false)]
    public async Task PersonnummerInTheUsualWrittenForms_AreAcceptedAndBadDatesRefused(string written, bool accepted)
    {
        var fixture = new PushFixture();
        var body = Encoding.UTF8.GetBytes($$"""{ "submissionId": "AV-2", "rubrik": "Test", "personnummer": "{{written}}" }""");

        var result = await fixture.Artvise(body);

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Contains(result.Failure!.Problems[0].Rule, new[] { PushRules.PersonnummerDate, PushRules.Format });
        }
    }

    [Fact]
    public async Task AMissingTitleWithoutDefaultTitle_Is422()
    {
        var fixture = new PushFixture();

        var result = await fixture.Artvise(Encoding.UTF8.GetBytes("""{ "submissionId": "AV-3" }"""));

        var problem = Assert.Single(result.Failure!.Problems);
        Assert.Equal(("Title", PushRules.Required), (problem.Field, problem.Rule));
    }

    [Fact]
    public async Task AnOrganisationsnummerOfPersonnummerForm_IsRefusedWithItsRule()
    {
        var fixture = new PushFixture();
        var xml = Encoding.UTF8.GetString(PushSamples.Bytes("selfpoint/submission.xml")).Replace("556677-8899", "121212-1212", StringComparison.Ordinal);

        var result = await fixture.Selfpoint(Encoding.UTF8.GetBytes(xml));

        Assert.Equal(PushRules.OrganisationsnummerForm, Assert.Single(result.Failure!.Problems).Rule);
    }

    [Fact]
    public async Task JsonThatIsNotUtf8_Is400WithWhereTheBadByteIs()
    {
        var fixture = new PushFixture();
        byte[] body = [.. Encoding.UTF8.GetBytes("{\n  \"submissionId\": \"AV-"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\" }")];

        var result = await fixture.Artvise(body);

        var problem = Assert.Single(result.Failure!.Problems);
        Assert.Equal((PushFailureKind.Malformed, PushRules.JsonSyntax, 2L, 23L), (result.Failure.Kind, problem.Rule, problem.Line, problem.Position));
    }
}
