using System.Security.Cryptography;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Client;
using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Inbound;

/// <summary>
/// Platina's events (<c>GET /events?after=</c>) as canonical case events. The checkpoint is Platina's cursor; files are
/// downloaded, checked against their SHA-256 and stored in the hub's content store before the batch is returned. Any
/// failure fails the whole batch (<see cref="SourceUnavailableException"/>), so nothing is ever half read.
/// </summary>
internal sealed class PlatinaSource(string instance, PlatinaOptions options, PlatinaClient client, IContentStore contents) : ICaseEventSource
{
    private readonly PlatinaEventReader _reader = new(options.Mapping.Fields, $"{PlatinaOptions.Section}:{instance}");
    private readonly PlatinaEventMapper _mapper = new(options.Municipality!, options);

    public string Name { get; } = $"platina/{instance}";

    public async Task<SourceBatch> ReceiveAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var json = await client.GetEventsAsync(checkpoint, options.PageSize, cancellationToken);
            var page = _reader.Read(json.RootElement);
            var events = new List<CaseEvent>(page.Events.Count);
            foreach (var platinaEvent in page.Events)
            {
                if (_mapper.CanonicalType(platinaEvent) is not { } type)
                {
                    continue;
                }

                var attachments = await StoreFilesAsync(platinaEvent, cancellationToken);
                events.Add(_mapper.Map(platinaEvent, type, attachments));
            }

            var last = page.Events.Count > 0 ? page.Events[^1].Cursor : checkpoint;
            // "next" says more events wait; guarding against a cursor that does not move keeps the poller from spinning.
            var more = page.Events.Count > 0 && page.Next is not null && page.Next != checkpoint;
            return new SourceBatch(events, page.Next ?? last, more);
        }
        catch (PlatinaException e)
        {
            throw new SourceUnavailableException(e.Message, e);
        }
        catch (PlatinaMappingException e)
        {
            throw new SourceUnavailableException(e.Message, e);
        }
    }

    /// <summary>Nothing to tell Platina: its cursor is the checkpoint.</summary>
    public Task AcknowledgeAsync(SourceBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<IReadOnlyList<Attachment>> StoreFilesAsync(PlatinaEvent platinaEvent, CancellationToken cancellationToken)
    {
        if (platinaEvent.Document is not { Files.Count: > 0 } document)
        {
            return [];
        }

        var attachments = new List<Attachment>(document.Files.Count);
        foreach (var file in document.Files)
        {
            var bytes = await client.GetFileAsync(file.Id, cancellationToken);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (file.Sha256 is { } declared && !string.Equals(declared, sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new PlatinaMappingException(
                    $"File {file.Id} of Platina event {platinaEvent.Id} arrived with another SHA-256 than Platina declared; it is downloaded again at the next poll.");
            }

            if (file.Sha256 is null && file.Size is { } size && size != bytes.Length)
            {
                throw new PlatinaMappingException(
                    $"File {file.Id} of Platina event {platinaEvent.Id} arrived with another size than Platina declared; it is downloaded again at the next poll.");
            }

            var mediaType = MediaTypes.Normalize(file.MediaType);
            var stored = await contents.PutAsync(bytes, mediaType, cancellationToken);
            attachments.Add(new Attachment(PlatinaKeys.Cut(file.Name, 255) ?? file.Id, mediaType, stored.Size, stored.Sha256, stored.Reference));
        }

        return attachments;
    }
}
