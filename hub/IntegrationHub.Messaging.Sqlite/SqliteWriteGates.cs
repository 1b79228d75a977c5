using System.Collections.Concurrent;

namespace IntegrationHub.Messaging.Sqlite;

/// <summary>
/// One in-process write gate per database file, shared by every transport instance (and so every bus) on that file.
/// SQLite has one write lock per file: writers that queue on a shared gate wait asynchronously and in turn, whereas
/// writers behind separate gates would meet in SQLite's busy handler, which blocks threads and gives up after the busy
/// timeout.
/// </summary>
/// <remarks>
/// Keyed by the path as SQLite resolved it, so different spellings of one path share a gate; a file reached through
/// different links is not recognized as the same file. Gates are never removed: there is one per file per process.
/// </remarks>
internal static class SqliteWriteGates
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(DatabasePaths.Comparer);

    /// <summary>The gate of the database file at <paramref name="databasePath"/> (a resolved, absolute path).</summary>
    public static SemaphoreSlim For(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return Gates.GetOrAdd(Path.GetFullPath(databasePath), static _ => new SemaphoreSlim(1, 1));
    }
}
