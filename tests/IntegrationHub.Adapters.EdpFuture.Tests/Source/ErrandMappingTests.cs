using IntegrationHub.Adapters.EdpFuture.Tests.Simulation;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EdpFuture.Tests.Source;

/// <summary>What the sample errands become as canonical events; every event validates against the schema.</summary>
public sealed class ErrandMappingTests : IDisposable
{
    private static readonly CancellationToken Token = CancellationToken.None;

    private readonly SourceFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("GetErrandsForCustomer.xml")]
    [InlineData("GetErrandsForCustomer-later.xml")]
    public async Task EveryEventFromTheSamples_ValidatesAgainstTheSchema(string sample)
    {
        _fixture.Answer(sample);

        var batch = await _fixture.Source.ReceiveAsync(null, Token);

        Assert.NotEmpty(batch.Events);
        Assert.All(batch.Events, SourceFixture.AssertValid);
    }

    [Fact]
    public async Task StatusEvents_ValidateAgainstTheSchema()
    {
        var first = await _fixture.Source.ReceiveAsync(null, Token);
        _fixture.Answer("GetErrandsForCustomer-later.xml", s => s.Replace("<b:_Status>Till nämnd</b:_Status>", "<b:_Status>Avslutat</b:_Status>", StringComparison.Ordinal));

        var later = await _fixture.Source.ReceiveAsync(first.Checkpoint, Token);

        Assert.Contains(later.Events, e => e.Type == CaseEventTypes.Closed);
        Assert.Contains(later.Events, e => e.Type == CaseEventTypes.StatusChanged && e.Id.Contains("-status-", StringComparison.Ordinal));
        Assert.All(later.Events, SourceFixture.AssertValid);
    }

    [Fact]
    public async Task ANewErrand_IsOpened_WithTitleCaseTypeStatusAndTheCustomerAsApplicant()
    {
        var opened = (await _fixture.Source.ReceiveAsync(null, Token)).Events.Single(e => e.Id == "future-errand-770455-opened");

        Assert.Equal(CaseEventTypes.Opened, opened.Type);
        Assert.Equal("urn:integrationhub:edp-future:2281", opened.Source);
        Assert.Equal("edp-future/770455", opened.Subject);
        Assert.Equal("2281", opened.Municipality);
        Assert.Equal(DataClassification.Internal, opened.DataClassification);
        var @case = opened.Data.Case;
        Assert.Equal("edp-future", @case.SourceSystem);
        Assert.Equal("770455", @case.SourceCaseId);
        Assert.Equal("Ansökan om anslutning till kommunalt vatten och avlopp, Exempelby 3:14", @case.Title);
        Assert.Equal("va-anslutning", @case.CaseType);
        // "Till nämnd" stays visible as the source status, so a hub rule can send the case on to the diarium.
        Assert.Equal("Till nämnd", @case.SourceStatus);
        Assert.Equal(CaseStatus.Open, @case.Status);
        Assert.Equal(new DateTimeOffset(2026, 1, 20, 13, 40, 0, TimeSpan.FromHours(1)), opened.Data.Event.OccurredAt);
        Assert.Equal(CustomerEventCategory.Receipt, opened.Data.Event.Category);
        Assert.False(opened.Data.Event.IsDiaryEvent);
        var applicant = Assert.Single(opened.Data.Parties!);
        Assert.Equal(PartyRole.Applicant, applicant.Role);
        Assert.Equal(new PartyIdentity(IdentityType.PartyId, "edp-customer:100245"), applicant.Identity);
        Assert.Equal(TimeSpan.FromHours(1), opened.Time.Offset);
    }

    [Fact]
    public async Task AnErrandOfAnUnmappedType_GetsTheDefaultCaseType_AndItsRegardingAsTitle()
    {
        var opened = (await _fixture.Source.ReceiveAsync(null, Token)).Events.Single(e => e.Id == "future-errand-770460-opened");

        Assert.Equal("va-renhallning", opened.Data.Case.CaseType);
        Assert.Equal("Ägarbyte Exempelby 3:14", opened.Data.Case.Title);
        Assert.Equal(CaseStatus.Closed, opened.Data.Case.Status);
        Assert.Equal(TimeSpan.FromHours(2), opened.Data.Event.OccurredAt.Offset);
    }

    [Fact]
    public async Task AnActivity_IsAnUpplysning_WithItsTextAsHeadline_ShortenedAtAWord_AndTheFullTextAsDescription()
    {
        var events = (await _fixture.Source.ReceiveAsync(null, Token)).Events;
        var visit = events.Single(e => e.Subject == "edp-future/770455" && e.Data.Event.OccurredAt == new DateTimeOffset(2026, 2, 3, 9, 30, 0, TimeSpan.FromHours(1)));

        Assert.Equal(CaseEventTypes.StatusChanged, visit.Type);
        Assert.Equal(CustomerEventCategory.Information, visit.Data.Event.Category);
        Assert.True(visit.Data.Event.Headline.Length <= 120);
        Assert.EndsWith("…", visit.Data.Event.Headline, StringComparison.Ordinal);
        Assert.StartsWith("Platsbesök bokat för att bestämma var förbindelsepunkten", visit.Data.Event.Headline, StringComparison.Ordinal);
        Assert.StartsWith("Platsbesök bokat", visit.Data.Event.Description, StringComparison.Ordinal);
        Assert.Contains("bekräftar tiden med fastighetsägaren.", visit.Data.Event.Description, StringComparison.Ordinal);
        Assert.EndsWith("Utförs senast 2026-02-17.", visit.Data.Event.Description, StringComparison.Ordinal);
        Assert.Equal("Till nämnd", visit.Data.Case.SourceStatus);
    }

    [Fact]
    public async Task TheClassification_IsConfigurable()
    {
        using var confidential = new SourceFixture(o => o.DataClassification = DataClassification.Confidential);

        var batch = await confidential.Source.ReceiveAsync(null, Token);

        Assert.All(batch.Events, e => Assert.Equal(DataClassification.Confidential, e.DataClassification));
    }
}
