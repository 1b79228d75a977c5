using System.Text;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// The advisory-lock keys (two-int form: class, key) the store takes. The key is a stable hash of
/// the schema, so stores in different schemas of one database never wait for each other.
/// </summary>
internal sealed record PostgreSqlLocks(int Key)
{
    /// <summary>Held from an append to the end of its transaction ("IHAP").</summary>
    public const int AppendClass = 0x4948_4150;

    /// <summary>Held while migrating ("IHMG").</summary>
    public const int MigrationClass = 0x4948_4D47;

    /// <summary>
    /// Held from resolving or linking one source id (municipality, source system, source case id) to
    /// the end of the transaction ("IHSI"), so two sessions never create two cases for it, nor link it twice.
    /// </summary>
    public const int SourceIdClass = 0x4948_5349;

    public static PostgreSqlLocks ForSchema(string schema) => new(Hash(2166136261u, schema));

    /// <summary>
    /// The <see cref="SourceIdClass"/> key of one source id in this schema. Two source ids may share a
    /// key (32 bits); that only makes one wait for the other, never lets two hold it at once.
    /// </summary>
    public int SourceIdKey(string municipality, string sourceSystem, string sourceCaseId) =>
        Hash((uint)Key, $"{municipality}\u001F{sourceSystem}\u001F{sourceCaseId}");

    private static int Hash(uint seed, string text)
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        var hash = seed;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        // Non-negative, so it reads the same in pg_locks.objid (an unsigned oid).
        return (int)(hash & 0x7FFF_FFFF);
    }
}
