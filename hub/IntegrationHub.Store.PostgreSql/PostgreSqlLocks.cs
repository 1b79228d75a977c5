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

    public static PostgreSqlLocks ForSchema(string schema)
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(schema))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        // Non-negative, so it reads the same in pg_locks.objid (an unsigned oid).
        return new PostgreSqlLocks((int)(hash & 0x7FFF_FFFF));
    }
}
