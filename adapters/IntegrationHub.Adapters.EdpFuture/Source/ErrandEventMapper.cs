using System.Globalization;
using System.Text;
using IntegrationHub.Adapters.EdpFuture.Model;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.EdpFuture.Source;

/// <summary>
/// Maps a change on a Future errand to a canonical case event: a new errand to <c>opened</c>, a new status to
/// <c>status-changed</c> (<c>closed</c> / <c>reopened</c> when the mapped case status closes or reopens the case) with
/// the raw Future status as sourceStatus, and a new activity to an Upplysning (<c>status-changed</c>, the schema's
/// event for "something happened without a more specific type").
/// </summary>
internal sealed class ErrandEventMapper
{
    public const string SourceSystem = "edp-future";

    private readonly EdpFutureOptions _options;
    private readonly Dictionary<string, string> _caseTypes;
    private readonly Dictionary<string, CaseStatus> _statuses;
    private readonly TimeZoneInfo _zone;

    public ErrandEventMapper(EdpFutureOptions options, TimeZoneInfo zone)
    {
        _options = options;
        _zone = zone;
        _caseTypes = new Dictionary<string, string>(options.CaseTypes, StringComparer.OrdinalIgnoreCase);
        _statuses = new Dictionary<string, CaseStatus>(options.Statuses, StringComparer.OrdinalIgnoreCase);
        Source = $"urn:integrationhub:{SourceSystem}:{options.Municipality}";
    }

    /// <summary>The CloudEvents source of every event, urn:integrationhub:edp-future:{kommunkod}.</summary>
    public string Source { get; }

    public CaseEvent Map(ErrandChange change, DateTimeOffset now)
    {
        var errand = change.Errand;
        var id = $"future-errand-{errand.Id.ToString(CultureInfo.InvariantCulture)}";
        var (eventId, type, details) = change.Kind switch
        {
            ErrandChangeKind.Opened => ($"{id}-opened", CaseEventTypes.Opened, Opened(errand)),
            ErrandChangeKind.Status => ($"{id}-status-{change.Hash}", StatusType(change.PreviousStatus, errand.Status), Status(change.PreviousStatus, errand.Status, now)),
            _ => ($"{id}-activity-{change.Hash}", CaseEventTypes.StatusChanged, Activity(errand, change.Activity!)),
        };
        return new CaseEvent
        {
            Id = eventId,
            Source = Source,
            Type = type,
            Time = now,
            Subject = $"{SourceSystem}/{errand.Id.ToString(CultureInfo.InvariantCulture)}",
            Municipality = _options.Municipality!,
            DataClassification = _options.DataClassification,
            DataSchema = CaseEventAttributes.SchemaV1,
            Data = new CaseEventData
            {
                Case = Case(errand),
                Event = details,
                Parties = [new Party { Role = PartyRole.Applicant, Identity = new PartyIdentity(IdentityType.PartyId, $"edp-customer:{change.CustomerId.ToString(CultureInfo.InvariantCulture)}") }],
            },
        };
    }

    private CaseRef Case(Errand errand) => new()
    {
        SourceSystem = SourceSystem,
        SourceCaseId = errand.Id.ToString(CultureInfo.InvariantCulture),
        CaseNumber = errand.Id.ToString(CultureInfo.InvariantCulture),
        Title = Title(errand),
        CaseType = errand.Type is { } type && _caseTypes.TryGetValue(type.Trim(), out var mapped) ? mapped : _options.DefaultCaseType,
        Status = MappedStatus(errand.Status),
        SourceStatus = string.IsNullOrWhiteSpace(errand.Status) ? null : TextLimits.OneLine(errand.Status, TextLimits.SourceStatus),
    };

    private static EventDetails Opened(Errand errand) => new()
    {
        Headline = TextLimits.OneLine($"Ditt ärende har tagits emot: {Title(errand)}", TextLimits.Headline),
        Description = OpenedDescription(errand),
        OccurredAt = errand.ReceivedAt,
        IsDiaryEvent = false,
        Category = CustomerEventCategory.Receipt,
    };

    private EventDetails Status(string? previous, string? current, DateTimeOffset now) => new()
    {
        Headline = StatusType(previous, current) switch
        {
            CaseEventTypes.Closed => "Ditt ärende är avslutat",
            CaseEventTypes.Reopened => "Ditt ärende har öppnats igen",
            _ => TextLimits.OneLine($"Ditt ärende har fått status {current}", TextLimits.Headline),
        },
        Description = string.IsNullOrWhiteSpace(previous) ? $"Ny status: {current}." : $"Ny status: {current} (tidigare {previous}).",
        // Future keeps no time of a status change: it is when the poll saw it.
        OccurredAt = now,
        IsDiaryEvent = false,
        Category = CustomerEventCategory.Information,
    };

    private EventDetails Activity(Errand errand, ErrandActivity activity)
    {
        var text = string.IsNullOrWhiteSpace(activity.Text) ? null : activity.Text.Trim();
        var description = new StringBuilder(text ?? "En ny åtgärd har registrerats i ditt ärende.");
        if (activity.CarryOutBeforeDate is { } due)
        {
            description.Append(CultureInfo.InvariantCulture, $"\nUtförs senast {TimeZoneInfo.ConvertTime(due, _zone):yyyy-MM-dd}.");
        }

        return new EventDetails
        {
            Headline = text is null ? "Ny åtgärd i ditt ärende" : TextLimits.OneLine(text, TextLimits.Headline),
            Description = TextLimits.Shorten(description.ToString(), TextLimits.Description),
            OccurredAt = activity.ActivityDate ?? errand.ReceivedAt,
            IsDiaryEvent = false,
            Category = CustomerEventCategory.Information,
        };
    }

    private string StatusType(string? previous, string? current)
    {
        var was = MappedStatus(previous);
        var now = MappedStatus(current);
        return (IsClosed(was), IsClosed(now)) switch
        {
            (false, true) => CaseEventTypes.Closed,
            (true, false) when now is CaseStatus.Open => CaseEventTypes.Reopened,
            _ => CaseEventTypes.StatusChanged,
        };
    }

    private CaseStatus? MappedStatus(string? status) =>
        status is not null && _statuses.TryGetValue(status.Trim(), out var mapped) ? mapped : null;

    private static bool IsClosed(CaseStatus? status) => status is CaseStatus.Closed or CaseStatus.Annulled or CaseStatus.AdActa;

    private static string Title(Errand errand)
    {
        var title = new[] { errand.Description, errand.Regarding, errand.Type }.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))
            ?? $"Ärende {errand.Id.ToString(CultureInfo.InvariantCulture)}";
        return TextLimits.OneLine(title, TextLimits.Title);
    }

    private static string OpenedDescription(Errand errand)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(errand.Type))
        {
            lines.Add($"Ärendetyp: {errand.Type.Trim()}");
        }

        if (!string.IsNullOrWhiteSpace(errand.Regarding))
        {
            lines.Add($"Gäller: {errand.Regarding.Trim()}");
        }

        if (!string.IsNullOrWhiteSpace(errand.Description))
        {
            lines.Add(errand.Description.Trim());
        }

        return lines.Count == 0 ? "Ditt ärende har registrerats i EDP Future." : TextLimits.Shorten(string.Join("\n", lines), TextLimits.Description);
    }
}
