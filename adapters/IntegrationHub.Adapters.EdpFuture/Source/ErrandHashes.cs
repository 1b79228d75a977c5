using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.EdpFuture.Model;

namespace IntegrationHub.Adapters.EdpFuture.Source;

/// <summary>Short, stable hashes that name an activity or a status change in event ids and the checkpoint.</summary>
internal static class ErrandHashes
{
    /// <summary>An activity has no id in Future: its date, due date and text identify it.</summary>
    public static string Activity(ErrandActivity activity) =>
        Hash($"{Time(activity.ActivityDate)}\n{Time(activity.CarryOutBeforeDate)}\n{activity.Text}");

    /// <summary>The n-th status change of an errand, from one status to another.</summary>
    public static string StatusChange(int errandId, string? from, string? to, int sequence) =>
        Hash($"{errandId.ToString(CultureInfo.InvariantCulture)}\n{from}\n{to}\n{sequence.ToString(CultureInfo.InvariantCulture)}");

    // The UTC instant, so a change of the configured time zone does not make every activity new.
    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) ?? "-";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
