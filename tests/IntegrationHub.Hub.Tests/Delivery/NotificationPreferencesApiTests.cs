using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Hub.Tests.Infrastructure;

namespace IntegrationHub.Hub.Tests.Delivery;

/// <summary>A citizen's opt-out of notification e-mail, set by Mina Sidor.</summary>
public sealed class NotificationPreferencesApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    private const string Person = "191212121212";
    private readonly HttpClient _client = hub.CreateClient();

    [Fact]
    public async Task OptOut_IsRememberedPerMunicipality_AndCanBeTakenBack()
    {
        Assert.True((await Get("2281")).GetProperty("email").GetBoolean());

        await _client.PutAsJsonAsync($"/api/v1/people/{Person}/notifications?municipality=2281", new { email = false });
        var optedOut = await Get("2281");
        var elsewhere = await Get("2262");
        await _client.PutAsJsonAsync($"/api/v1/people/{Person}/notifications?municipality=2281", new { email = true });

        Assert.False(optedOut.GetProperty("email").GetBoolean());
        Assert.True(elsewhere.GetProperty("email").GetBoolean());
        Assert.True((await Get("2281")).GetProperty("email").GetBoolean());
    }

    [Theory]
    [InlineData("191212121213", "municipality=2281", "personnummer", "personnummer")]
    [InlineData(Person, "municipality=Sundsvall", "municipality", "pattern")]
    [InlineData(Person, "", "municipality", "required")]
    public async Task BadPersonOrMunicipality_Is400_WithoutRepeatingThePersonnummer(string person, string query, string parameter, string rule)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/people/{person}/notifications?{query}", new { email = false });
        var problem = await response.Json();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.Errors(), e => e.Pointer == parameter && (e.Rule == rule || parameter == "municipality"));
        Assert.DoesNotContain(person, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingChoice_Is400()
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/people/{Person}/notifications?municipality=2281", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(("/email", "required"), (await response.Json()).Errors());
    }

    private async Task<System.Text.Json.JsonElement> Get(string municipality) =>
        await (await _client.GetAsync($"/api/v1/people/{Person}/notifications?municipality={municipality}")).Json();
}
