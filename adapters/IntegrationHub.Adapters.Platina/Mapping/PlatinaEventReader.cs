using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Adapters.Platina.Mapping;

/// <summary>Reads a page of <c>GET /events</c> through the configured field map.</summary>
internal sealed class PlatinaEventReader(PlatinaFieldMap fields, string settingPrefix)
{
    public PlatinaEventsPage Read(JsonElement page)
    {
        if (!JsonPointers.TryGet(page, fields.Events, out var events) || events.ValueKind != JsonValueKind.Array)
        {
            throw new PlatinaMappingException($"Platina's events page has no array at '{fields.Events}': check {settingPrefix}:Mapping:Fields:Events.");
        }

        var read = new List<PlatinaEvent>(events.GetArrayLength());
        var index = 0;
        foreach (var item in events.EnumerateArray())
        {
            read.Add(ReadEvent(item, index++));
        }

        return new PlatinaEventsPage(read, JsonPointers.String(page, fields.Next));
    }

    private PlatinaEvent ReadEvent(JsonElement item, int index)
    {
        var id = JsonPointers.String(item, fields.Id) ?? throw Missing(index, nameof(fields.Id), fields.Id);
        var where = $"Platina event {id}";
        var occurredAt = PlatinaDates.Parse(JsonPointers.String(item, fields.OccurredAt))
            ?? throw Missing(where, nameof(fields.OccurredAt), fields.OccurredAt, "an RFC 3339 date-time");
        return new PlatinaEvent(
            JsonPointers.String(item, fields.Cursor) ?? throw Missing(where, nameof(fields.Cursor), fields.Cursor),
            id,
            JsonPointers.String(item, fields.Type) ?? throw Missing(where, nameof(fields.Type), fields.Type),
            occurredAt,
            ReadCase(item, where),
            ReadDocument(item),
            ReadDecision(item));
    }

    private PlatinaEventCase ReadCase(JsonElement item, string where) => new(
        JsonPointers.String(item, fields.CaseId) ?? throw Missing(where, nameof(fields.CaseId), fields.CaseId),
        JsonPointers.String(item, fields.CaseDiarienummer),
        JsonPointers.String(item, fields.CaseTitle),
        JsonPointers.String(item, fields.CaseType),
        JsonPointers.String(item, fields.CaseStatus),
        JsonPointers.String(item, fields.CaseUnitId),
        JsonPointers.String(item, fields.CaseUnitName),
        JsonPointers.String(item, fields.CaseExternalId),
        JsonPointers.String(item, fields.CaseClassification),
        JsonPointers.String(item, fields.CaseRestrictionLegalReference));

    private PlatinaEventDocument? ReadDocument(JsonElement item)
    {
        if (JsonPointers.String(item, fields.DocumentId) is not { } id)
        {
            return null;
        }

        var files = JsonPointers.Array(item, fields.DocumentFiles)
            .Select(f => (Id: JsonPointers.String(f, fields.FileId), File: f))
            .Where(f => f.Id is not null)
            .Select(f => new PlatinaEventFile(f.Id!, JsonPointers.String(f.File, fields.FileName), JsonPointers.String(f.File, fields.FileMediaType),
                JsonPointers.Integer(f.File, fields.FileSize), JsonPointers.String(f.File, fields.FileSha256)))
            .ToList();
        var lopnummer = JsonPointers.Integer(item, fields.DocumentLopnummer);
        return new PlatinaEventDocument(
            id,
            JsonPointers.String(item, fields.DocumentExternalId),
            JsonPointers.String(item, fields.DocumentTitle),
            JsonPointers.String(item, fields.DocumentType),
            JsonPointers.String(item, fields.DocumentDirection),
            PlatinaDates.Parse(JsonPointers.String(item, fields.DocumentDate)),
            lopnummer is >= 1 and <= int.MaxValue ? (int)lopnummer : null,
            files);
    }

    private PlatinaEventDecision? ReadDecision(JsonElement item) =>
        JsonPointers.String(item, fields.DecisionOutcome) is not { } outcome
            ? null
            : new PlatinaEventDecision(
                outcome,
                PlatinaDates.Parse(JsonPointers.String(item, fields.DecisionDecidedAt)),
                JsonPointers.String(item, fields.DecisionBodyId),
                JsonPointers.String(item, fields.DecisionBodyName),
                JsonPointers.String(item, fields.DecisionParagraph),
                JsonPointers.String(item, fields.DecisionSummary));

    private PlatinaMappingException Missing(int index, string setting, string pointer) =>
        Missing($"Platina event number {(index + 1).ToString(CultureInfo.InvariantCulture)} of the page", setting, pointer);

    private PlatinaMappingException Missing(string where, string setting, string pointer, string what = "a value") =>
        new($"{where} has no {what} at '{pointer}': check {settingPrefix}:Mapping:Fields:{setting}.");
}
