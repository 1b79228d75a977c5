using System.Text.Json.Serialization;

namespace IntegrationHub.Canonical.Model;

/// <summary>Why a registration needs the registrator's review.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewReason>))]
public enum ReviewReason
{
    /// <summary>Registered automatically, without a person.</summary>
    [JsonStringEnumMemberName("autoRegistered")] AutoRegistered,
    /// <summary>A personnummer or samordningsnummer was found in the text.</summary>
    [JsonStringEnumMemberName("personalData")] PersonalData,
    /// <summary>Words suggest secrecy under OSL.</summary>
    [JsonStringEnumMemberName("suspectedSecrecy")] SuspectedSecrecy,
    /// <summary>The source could not read the item; the original is attached.</summary>
    [JsonStringEnumMemberName("unparseable")] Unparseable,
}
