using System.Globalization;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Client;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Inbound;

/// <summary>
/// Submitted flow instances of the configured families as canonical <c>opened</c> events. Per family it lists the
/// instances from the checkpoint's day to tomorrow (the platform's toDate may be exclusive), skips those already
/// emitted that day, and fetches at most <c>BatchSize</c> instances' XML and PDF, oldest first; files are stored in the
/// hub's content store before the batch is returned. Any failure fails the whole batch, so nothing is half read.
/// </summary>
internal sealed class OpenEPlatformSource(string instance, OpenEPlatformOptions options, InstanceApiClient client, IContentStore contents, TimeProvider timeProvider)
    : ICaseEventSource
{
    private readonly FlowInstanceMapper _mapper = new(options);

    public string Name { get; } = $"{OpenEPlatformKeys.Kind}/{instance}";

    public async Task<SourceBatch> ReceiveAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = SourceCheckpoint.Parse(checkpoint, Name);
        var today = SwedishTime.Today(timeProvider);
        var start = DateOnly.TryParseExact(options.StartDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var configured) ? configured : today;
        var budget = options.BatchSize;
        var events = new List<CaseEvent>();
        var more = false;
        try
        {
            foreach (var (familyId, family) in options.Families.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var position = state.Families.GetValueOrDefault(familyId) ?? new FamilyPosition(start, []);
                if (budget == 0)
                {
                    more = true;
                    state.Families[familyId] = position;
                    continue;
                }

                var listed = await client.GetInstancesAsync(familyId, family.Status, position.From, today.AddDays(1), cancellationToken);
                // An instance listed with an earlier day than asked for counts as the boundary day, so it is emitted once.
                var pending = listed
                    .Select(i => (i.Id, Day: Max(SwedishTime.DateOf(i.Submitted), position.From), i.Submitted))
                    .Where(i => !position.Seen.Contains(i.Id))
                    .DistinctBy(i => i.Id)
                    .OrderBy(i => i.Submitted).ThenBy(i => i.Id)
                    .ToList();
                var taken = pending.Take(budget).ToList();
                more |= pending.Count > taken.Count;
                budget -= taken.Count;
                foreach (var item in taken)
                {
                    if (await ReadAsync(item.Id, family, cancellationToken) is { } mapped)
                    {
                        events.Add(mapped);
                    }
                }

                state.Families[familyId] = position.After([.. taken.Select(t => (t.Id, t.Day))]);
            }
        }
        catch (OpenEPlatformException e)
        {
            throw new SourceUnavailableException(e.Message, e);
        }
        catch (OpenEPlatformMappingException e)
        {
            throw new SourceUnavailableException(e.Message, e);
        }

        return new SourceBatch(events, state.Write(), more);
    }

    /// <summary>Nothing to tell the platform here: delivery is confirmed by the callback sink once the hub registered the case.</summary>
    public Task AcknowledgeAsync(SourceBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<CaseEvent?> ReadAsync(int flowInstanceId, OpenEPlatformFamilyOptions family, CancellationToken cancellationToken)
    {
        // Deleted between the listing and now: nothing to emit, and the position moves past it.
        if (await client.GetXmlAsync(flowInstanceId, cancellationToken) is not { } xml)
        {
            return null;
        }

        var flowInstance = FlowInstanceReader.Read(xml.Document, flowInstanceId);
        var id = flowInstanceId.ToString(CultureInfo.InvariantCulture);
        var attachments = new List<Attachment>();
        if (await client.GetPdfAsync(flowInstanceId, cancellationToken) is { } pdf)
        {
            attachments.Add(await StoreAsync($"oep-{id}.pdf", "application/pdf", pdf, cancellationToken));
        }

        attachments.Add(await StoreAsync($"oep-{id}.xml", "application/xml", xml.Bytes, cancellationToken));
        foreach (var file in flowInstance.Queries.SelectMany(q => q.Files).Take(98))
        {
            attachments.Add(await StoreAsync(TextLimits.Cut(file.Name, 255) ?? "bilaga", MediaTypes.FromName(file.Name), file.Content, cancellationToken));
        }

        return _mapper.Map(flowInstance, family, attachments);
    }

    private async Task<Attachment> StoreAsync(string name, string mediaType, byte[] content, CancellationToken cancellationToken)
    {
        var stored = await contents.PutAsync(content, mediaType, cancellationToken);
        return new Attachment(name, mediaType, stored.Size, stored.Sha256, stored.Reference);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
