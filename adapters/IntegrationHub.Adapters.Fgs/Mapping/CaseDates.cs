using IntegrationHub.Adapters.Fgs.Model;

namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>Where a case begins in time, since FGS makes every date optional.</summary>
internal static class CaseDates
{
    /// <summary>Skapad, else Inkommen, else Upprattad, else the earliest date of its documents, decisions, Expedierad or Avslutat; null when it has none.</summary>
    public static DateTimeOffset? OpenedAt(FgsCase fgsCase, TimeZoneInfo zone)
    {
        var own = fgsCase.Created ?? fgsCase.Received ?? fgsCase.DrawnUp;
        if (own is not null)
        {
            return own.ToDateTimeOffset(zone);
        }

        var later = fgsCase.Documents.Select(d => d.Created ?? d.Received ?? d.DrawnUp ?? d.Sent)
            .Concat(fgsCase.Decided).Append(fgsCase.Sent).Append(fgsCase.Closed)
            .Where(d => d is not null).Select(d => d!.ToDateTimeOffset(zone)).ToList();
        return later.Count > 0 ? later.Min() : null;
    }
}
