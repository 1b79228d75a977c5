using System.Text.Json;

namespace IntegrationHub.Hub.DeadLetters;

/// <summary>Reads Rebus's headers of a failed message and prepares them for a replay.</summary>
public static class DeadLetterHeaders
{
    /// <summary>Rebus's header with the message id.</summary>
    public const string MessageId = "rbs2-msg-id";

    /// <summary>Rebus's header with the message type.</summary>
    public const string MessageType = "rbs2-msg-type";

    /// <summary>Rebus's header naming the queue the message failed in.</summary>
    public const string SourceQueue = "rbs2-source-queue";

    /// <summary>Rebus's header with the errors of the failed attempts.</summary>
    public const string ErrorDetails = "rbs2-error-details";

    /// <summary>Parses Rebus's JSON header dictionary.</summary>
    public static Dictionary<string, string> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>The dead letter described by a stored message.</summary>
    public static DeadLetter Describe(long id, Dictionary<string, string> headers, string body, string fallbackQueue)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var error = headers.GetValueOrDefault(ErrorDetails)?.Split('\n', 2)[0].Trim();
        return new DeadLetter(id, headers.GetValueOrDefault(MessageId), headers.GetValueOrDefault(MessageType),
            headers.GetValueOrDefault(SourceQueue) ?? fallbackQueue, error, body);
    }

    /// <summary>Whether a message's headers carry every wanted header with its value (no wanted headers: every message).</summary>
    public static bool Matches(Dictionary<string, string> headers, IReadOnlyDictionary<string, string>? wanted)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return wanted is null || wanted.All(w => headers.TryGetValue(w.Key, out var value) && value == w.Value);
    }

    /// <summary>The headers for the replayed message: the old error details go, the rest stays.</summary>
    public static string ForReplay(Dictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.Remove(ErrorDetails);
        return JsonSerializer.Serialize(headers);
    }
}
