using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Client;
using IntegrationHub.Adapters.Platina.Contract;
using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>
/// The committee flow's Platina side. An event matching an outbound rule ("goes to the committee") makes sure the hub
/// case exists in Platina (found by external id = hub case id, else created), with every document of the case, then
/// submits one link event so the hub knows the Platina id and diarienummer. A later document on a case already in
/// Platina is added to it. Each step asks Platina what it already has or relies on its 409, so a redelivery after a
/// crash halfway creates no second case and no duplicate document.
/// </summary>
internal sealed class PlatinaCaseSink(
    string instance,
    PlatinaOptions options,
    PlatinaClient client,
    ICaseLookup lookup,
    IContentStore contents,
    ICaseEventIntake intake,
    TimeProvider timeProvider) : ICaseEventSink
{
    private readonly string _municipality = options.Municipality!;
    private readonly OutboundRuleMatcher _rules = new(options.Outbound.Rules);
    private readonly NewCaseBuilder _cases = new(options.Mapping);

    public string Name { get; } = $"platina-cases/{instance}";

    public CaseEventSinkFilter Filter => new(_municipality, [], _rules.EventTypes());

    public async Task<SinkResult> HandleAsync(SinkEvent sinkEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sinkEvent);
        var caseEvent = sinkEvent.Event;
        if (caseEvent.Municipality != _municipality)
        {
            return SinkResult.Skipped("The event belongs to another municipality.");
        }

        if (caseEvent.Data.Case.SourceSystem == PlatinaKeys.SourceSystem)
        {
            return SinkResult.Skipped("The event came from Platina.");
        }

        try
        {
            if (_rules.Match(caseEvent) is { } rule)
            {
                return await SendCaseAsync(sinkEvent, rule, cancellationToken);
            }

            if (caseEvent.Data.Document is { } document && _rules.CouldHaveBeenSent(caseEvent))
            {
                return await AddToSentCaseAsync(sinkEvent, document, cancellationToken);
            }

            return SinkResult.Skipped($"No rule in {PlatinaOptions.Section}:{instance}:Outbound:Rules matches the event.");
        }
        catch (PlatinaException e) when (e.IsTransient)
        {
            return SinkResult.Transient(e.Message, e.RetryAfter);
        }
        catch (PlatinaException e)
        {
            return SinkResult.Permanent(e.Message);
        }
        catch (MissingContentException e)
        {
            return SinkResult.Permanent(e.Message);
        }
        catch (CaseEventsRejectedException e)
        {
            var rules = e.Rejected.SelectMany(r => r.Errors).Select(x => $"{x.Pointer} {x.Rule}");
            return SinkResult.Permanent($"The hub refused the Platina link event: {string.Join(", ", rules)}.");
        }
    }

    private async Task<SinkResult> SendCaseAsync(SinkEvent sinkEvent, PlatinaOutboundRule rule, CancellationToken cancellationToken)
    {
        if (await lookup.GetSnapshotAsync(_municipality, sinkEvent.CaseId, cancellationToken) is not { } snapshot)
        {
            return SinkResult.Transient($"The hub has no snapshot of case {sinkEvent.CaseId} yet.");
        }

        if (_cases.Build(snapshot, sinkEvent.Event, rule) is not { } newCase)
        {
            return SinkResult.Permanent($"Case {snapshot.CaseId} has no case type: set PlatinaCaseType on rule '{rule.Name}' in {PlatinaOptions.Section}:{instance}:Outbound:Rules.");
        }

        var (platinaCaseId, diarienummer) = await FindOrCreateAsync(newCase, cancellationToken);
        var documents = snapshot.Documents.ToList();
        if (sinkEvent.Event.Data.Document is { } own && !documents.Exists(d => DocumentUpload.Key(d) == DocumentUpload.Key(own)))
        {
            documents.Add(own);
        }

        var added = await AddMissingAsync(platinaCaseId, documents, cancellationToken);
        await intake.SubmitAsync([LinkEvent.Create(snapshot, platinaCaseId, diarienummer, timeProvider.GetUtcNow())], cancellationToken);
        return new SinkResult(SinkOutcome.Done, $"Platina case {platinaCaseId} ({diarienummer ?? "no diarienummer yet"}) by rule '{rule.Name}': {added} document(s) added.");
    }

    private async Task<SinkResult> AddToSentCaseAsync(SinkEvent sinkEvent, Document document, CancellationToken cancellationToken)
    {
        var snapshot = await lookup.GetSnapshotAsync(_municipality, sinkEvent.CaseId, cancellationToken);
        var platinaCaseId = snapshot?.SourceIds.FirstOrDefault(s => s.SourceSystem == PlatinaKeys.SourceSystem)?.SourceCaseId
            ?? (await client.FindCaseAsync(sinkEvent.CaseId.ToString("D"), cancellationToken))?.Id;
        if (platinaCaseId is null)
        {
            return SinkResult.Skipped("The case has not been sent to Platina.");
        }

        var added = await AddMissingAsync(platinaCaseId, [document], cancellationToken);
        return added == 0
            ? SinkResult.Skipped($"Platina case {platinaCaseId} has the document already.")
            : new SinkResult(SinkOutcome.Done, $"Document added to Platina case {platinaCaseId}.");
    }

    private async Task<(string Id, string? Diarienummer)> FindOrCreateAsync(NewPlatinaCase newCase, CancellationToken cancellationToken)
    {
        if (await client.FindCaseAsync(newCase.ExternalId, cancellationToken) is { } found)
        {
            return (found.Id, found.Diarienummer);
        }

        var (created, _) = await client.CreateCaseAsync(newCase, cancellationToken);
        if (created.Id is not null)
        {
            return (created.Id, created.Diarienummer);
        }

        // A 409 without the existing case in its body: ask for it.
        return await client.FindCaseAsync(newCase.ExternalId, cancellationToken) is { } existing
            ? (existing.Id, existing.Diarienummer)
            : throw new PlatinaException("Platina says the case exists (409) but does not list it by its external id.", 409, true);
    }

    private async Task<int> AddMissingAsync(string platinaCaseId, IReadOnlyList<Document> documents, CancellationToken cancellationToken)
    {
        var present = (await client.GetDocumentsAsync(platinaCaseId, cancellationToken))
            .Select(d => d.ExternalId)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var added = 0;
        foreach (var document in documents)
        {
            if (!present.Add(DocumentUpload.Key(document)))
            {
                continue;
            }

            var upload = await DocumentUpload.CreateAsync(document, contents, cancellationToken);
            var (_, existed) = await client.AddDocumentAsync(platinaCaseId, upload, cancellationToken);
            added += existed ? 0 : 1;
        }

        return added;
    }
}
