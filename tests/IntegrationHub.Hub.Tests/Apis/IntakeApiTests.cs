using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Apis;

public sealed class IntakeApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    private readonly HttpClient _client = hub.CreateClient();

    [Fact]
    public async Task Post_StructuredEvent_Returns202WithSequenceAndTheFeedHasIt()
    {
        var opened = TestEvents.Opened("ER-1001");

        var response = await _client.PostEvent(TestEvents.Json(opened));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Json()).GetProperty("accepted")[0];
        Assert.Equal(opened.Id, accepted.GetProperty("id").GetString());
        Assert.False(accepted.GetProperty("duplicate").GetBoolean());
        var sequence = accepted.GetProperty("sequence").GetInt64();
        var feed = await (await _client.GetAsync($"/api/v1/events?after={sequence - 1}&limit=1")).Json();
        var item = feed.GetProperty("items")[0];
        Assert.Equal(sequence, item.GetProperty("sequence").GetInt64());
        Assert.Equal(opened.Id, item.GetProperty("event").GetProperty("id").GetString());
        Assert.Equal("ER-1001", item.GetProperty("event").GetProperty("data").GetProperty("case").GetProperty("sourceCaseId").GetString());
    }

    [Fact]
    public async Task Post_SameSourceAndIdTwice_SecondIsReportedDuplicateAndStoredOnce()
    {
        var opened = TestEvents.Opened("ER-1002");

        var first = (await (await _client.PostEvent(TestEvents.Json(opened))).Json()).GetProperty("accepted")[0];
        var secondResponse = await _client.PostEvent(TestEvents.Json(opened));
        var second = (await secondResponse.Json()).GetProperty("accepted")[0];

        Assert.Equal(HttpStatusCode.Accepted, secondResponse.StatusCode);
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("sequence").GetInt64(), second.GetProperty("sequence").GetInt64());
        var feed = await (await _client.GetAsync($"/api/v1/events?after={first.GetProperty("sequence").GetInt64() - 1}&limit=1000")).Json();
        Assert.Single(feed.GetProperty("items").EnumerateArray(), i => i.GetProperty("event").GetProperty("id").GetString() == opened.Id);
    }

    [Fact]
    public async Task Post_BinaryMode_IsAcceptedWithAttributesFromHeaders()
    {
        var opened = TestEvents.Opened("ER-1003");
        var structured = JsonNode.Parse(TestEvents.Json(opened))!.AsObject();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = Http.Body(Encoding.UTF8.GetBytes(structured["data"]!.ToJsonString()), "application/json"),
        };
        foreach (var (name, value) in structured.Where(p => p.Key is not "data" and not "datacontenttype"))
        {
            request.Headers.Add($"ce-{name}", Uri.EscapeDataString(value!.GetValue<string>()));
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var sequence = (await response.Json()).GetProperty("accepted")[0].GetProperty("sequence").GetInt64();
        var stored = (await (await _client.GetAsync($"/api/v1/events?after={sequence - 1}&limit=1")).Json()).GetProperty("items")[0].GetProperty("event");
        Assert.Equal(opened.Id, stored.GetProperty("id").GetString());
        Assert.Equal("2281", stored.GetProperty("municipality").GetString());
        Assert.Equal("Ansökan om anslutning till kommunalt vatten och avlopp", stored.GetProperty("data").GetProperty("case").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Post_Batch_AcceptsAllInOrderWithIncreasingSequences()
    {
        var events = new[] { TestEvents.Opened("ER-1004"), TestEvents.StatusChanged("ER-1004", DateTimeOffset.Parse("2026-03-03T10:00:00+01:00", null)) };

        var response = await _client.PostAsync("/api/v1/events", Http.Body(TestEvents.Batch(events), "application/cloudevents-batch+json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Json()).GetProperty("accepted").EnumerateArray().ToList();
        Assert.Equal(events.Select(e => e.Id), accepted.Select(a => a.GetProperty("id").GetString()));
        Assert.True(accepted[1].GetProperty("sequence").GetInt64() > accepted[0].GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Post_BatchWithInvalidMember_StoresNothingAndNamesTheFailedMember()
    {
        var good = TestEvents.Opened("ER-1005");
        var bad = JsonNode.Parse(TestEvents.Json(TestEvents.Opened("ER-1006")))!;
        bad["municipality"] = "22810";
        var batch = new JsonArray(JsonNode.Parse(TestEvents.Json(good)), bad);

        var response = await _client.PostAsync("/api/v1/events", Http.Body(Encoding.UTF8.GetBytes(batch.ToJsonString()), "application/cloudevents-batch+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json();
        Assert.Equal([1], problem.GetProperty("failedMembers").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Contains(("/1/municipality", "pattern"), problem.Errors());
        var cases = await (await _client.GetAsync("/api/v1/cases?municipality=2281&sourceSystem=edp-future&sourceCaseId=ER-1005")).Json();
        Assert.Equal(0, cases.GetArrayLength());
        var duplicateCheck = (await (await _client.PostEvent(TestEvents.Json(good))).Json()).GetProperty("accepted")[0];
        Assert.False(duplicateCheck.GetProperty("duplicate").GetBoolean());
    }

    [Fact]
    public async Task Post_EventMissingRequiredField_Returns400NamingPointerAndRule()
    {
        var json = JsonNode.Parse(TestEvents.Json(TestEvents.Opened("ER-1007")))!;
        json["data"]!["case"]!.AsObject().Remove("sourceCaseId");

        var response = await _client.PostEvent(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(("/data/case/sourceCaseId", "required"), problem.Errors());
    }

    [Fact]
    public async Task Post_PersonnummerWithWrongCheckDigit_Returns400WithLuhnRuleAndNoNumberInTheResponse()
    {
        var json = JsonNode.Parse(TestEvents.Json(TestEvents.Opened("ER-1008")))!;
        json["data"]!["parties"]![0]!["identity"]!["value"] = "191212121213";

        var response = await _client.PostEvent(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("191212121213", text, StringComparison.Ordinal);
        Assert.Contains(("/data/parties/0/identity/value", "luhn"), JsonDocument.Parse(text).RootElement.Errors());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400WithLineAndPosition()
    {
        var response = await _client.PostEvent(Encoding.UTF8.GetBytes("{\n  \"specversion\": \"1.0\",\n  \"id\": oops\n}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Json();
        Assert.EndsWith("/malformed-json", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json")]
    public async Task Post_UnsupportedMediaType_Returns415ListingAcceptedTypes(string mediaType)
    {
        var response = await _client.PostAsync("/api/v1/events", Http.Body(TestEvents.Json(TestEvents.Opened("ER-1009")), mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Json();
        Assert.Contains("application/cloudevents+json", problem.GetProperty("accepted").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Post_ArrayWithStructuredMediaType_Returns400()
    {
        var response = await _client.PostEvent(TestEvents.Batch(TestEvents.Opened("ER-1010")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(("", "type"), (await response.Json()).Errors());
    }
}
