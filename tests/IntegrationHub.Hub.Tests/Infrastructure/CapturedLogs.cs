using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Hub.Tests.Infrastructure;

/// <summary>Keeps every log entry the hub writes (after the configured filters), so tests can scan them for personal data.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    // The scopes a provider with IncludeScopes would write with each entry (e.g. ASP.NET Core's request path).
    private readonly AsyncLocal<ScopeStack?> _scopes = new();

    /// <summary>Every entry as one line: level, category, message and exception.</summary>
    public IReadOnlyCollection<string> Lines => [.. _entries.Select(e => e.Line)];

    /// <summary>Every entry with its parts: message, exception text, the values of its structured state and its scopes.</summary>
    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries, _scopes);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries, AsyncLocal<ScopeStack?> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            var outer = scopes.Value;
            scopes.Value = new ScopeStack(Convert.ToString(state, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, outer);
            return new Popper(() => scopes.Value = outer);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), exception?.ToString(),
                state is IEnumerable<KeyValuePair<string, object?>> values
                    ? [.. values.Select(v => new KeyValuePair<string, string?>(v.Key, Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)))]
                    : [],
                [.. ScopeStack.Enumerate(scopes.Value)]));
    }

    private sealed record ScopeStack(string Top, ScopeStack? Rest)
    {
        public static IEnumerable<string> Enumerate(ScopeStack? stack)
        {
            for (var s = stack; s is not null; s = s.Rest)
            {
                yield return s.Top;
            }
        }
    }

    private sealed class Popper(Action pop) : IDisposable
    {
        public void Dispose() => pop();
    }
}

/// <summary>
/// One log entry: its level, category, formatted message, exception (with inner exceptions and stack), structured values
/// and the scopes it was written in (innermost first).
/// </summary>
public sealed record CapturedLog(
    LogLevel Level, string Category, string Message, string? Exception, IReadOnlyList<KeyValuePair<string, string?>> State, IReadOnlyList<string> Scopes)
{
    public string Line => $"{Level} {Category}: {Message} {Exception}";

    /// <summary>Every text of the entry with where it stands: "message", "exception", "state {Key}" or "scope".</summary>
    public IEnumerable<(string Where, string Text)> Texts()
    {
        yield return ("message", Message);
        if (Exception is not null)
        {
            yield return ("exception", Exception);
        }

        foreach (var (key, value) in State)
        {
            if (value is not null)
            {
                yield return ($"state {key}", value);
            }
        }

        foreach (var scope in Scopes)
        {
            yield return ("scope", scope);
        }
    }
}
