using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.Relational;

/// <summary>The diary's rules that do not depend on SQL: validation, corrections, the search text and the history JSON.</summary>
internal static class DiaryRules
{
    /// <summary>Separates the fields of the search text; no query can contain it, so no match spans two fields.</summary>
    private const char FieldSeparator = '\u001F';

    /// <summary>The history's JSON: a full <see cref="Registration"/>, enums by name, Swedish letters unescaped.</summary>
    private static readonly JsonSerializerOptions s_historyJson = CreateHistoryJson();

    /// <summary>A new registration must be version 1, active, and a document exactly when it has a löpnummer.</summary>
    public static void ValidateNew(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Municipality, nameof(registration));
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Diary, nameof(registration));
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Diarienummer, nameof(registration));
        if (registration.Version != 1 || registration.Status != RegistrationStatus.Active)
        {
            throw new ArgumentException("A new registration is version 1 and active; corrections and annulments have their own operations.", nameof(registration));
        }

        if ((registration.Kind == RegistrationKind.Case) != (registration.DocumentNumber is null))
        {
            throw new ArgumentException("A case registration has no document number (löpnummer); a document registration has one.", nameof(registration));
        }

        if (registration.DocumentNumber is <= 0 || registration.RunningNumber <= 0)
        {
            throw new ArgumentException("Running numbers and document numbers start at 1.", nameof(registration));
        }
    }

    /// <summary>The registration after a correction: only the correction's non-null fields change, the version rises by one.</summary>
    public static Registration Correct(Registration current, RegistrationCorrection correction)
    {
        if (correction.RemoveRestriction && correction.Restriction is not null)
        {
            throw new ArgumentException("A correction either sets a restriction or removes it, not both.", nameof(correction));
        }

        if (current.Status == RegistrationStatus.Annulled)
        {
            throw new InvalidOperationException($"Registration {current.Id} ({current.Diarienummer}) is annulled and can no longer be corrected.");
        }

        return current with
        {
            DocumentDate = correction.DocumentDate ?? current.DocumentDate,
            Direction = correction.Direction ?? current.Direction,
            Correspondent = correction.Correspondent ?? current.Correspondent,
            Description = correction.Description ?? current.Description,
            DocumentType = correction.DocumentType ?? current.DocumentType,
            Restriction = correction.RemoveRestriction ? null : correction.Restriction ?? current.Restriction,
            Version = current.Version + 1,
        };
    }

    /// <summary>The registration annulled with a reason; annulling twice is refused.</summary>
    public static Registration Annul(Registration current, string reason)
    {
        if (current.Status == RegistrationStatus.Annulled)
        {
            throw new InvalidOperationException($"Registration {current.Id} ({current.Diarienummer}) is already annulled.");
        }

        return current with { Status = RegistrationStatus.Annulled, AnnulmentReason = reason, Version = current.Version + 1 };
    }

    /// <summary>
    /// What a free-text search may match: the diarienummer always, the description and the
    /// correspondent only when the registration has no restriction (they are withheld otherwise).
    /// </summary>
    public static string SearchText(Registration registration) =>
        registration.Restriction is null
            ? string.Join(FieldSeparator, Normalise(registration.Diarienummer), Normalise(registration.Description), Normalise(registration.Correspondent ?? ""))
            : Normalise(registration.Diarienummer);

    /// <summary>Composed (NFC) and upper-cased the same way for stored text and queries, so å matches Å.</summary>
    public static string Normalise(string text) => text.Normalize(NormalizationForm.FormC).ToUpperInvariant();

    public static string ToJson(Registration registration) => JsonSerializer.Serialize(registration, s_historyJson);

    public static Registration FromJson(string json) =>
        JsonSerializer.Deserialize<Registration>(json, s_historyJson)
        ?? throw new InvalidOperationException("A registration history entry holds no registration.");

    private static JsonSerializerOptions CreateHistoryJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
