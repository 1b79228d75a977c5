using IntegrationHub.Store.Relational;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>
/// The reads that lock rows until the transaction ends, qualified with the store's schema. Sessions
/// write concurrently on PostgreSQL, so what a write depends on is locked when it is read.
/// </summary>
internal sealed class PostgreSqlRowLockCommands(string s) : IRowLockCommands
{
    private const string CaseColumns = RelationalRows.CaseColumns;

    /// <summary>Reads and locks a case until the transaction ends (waits for a merge in progress, then sees its result).</summary>
    public string SelectCaseByIdForUpdate { get; } = $"SELECT {CaseColumns} FROM {s}.cases WHERE id = @Id FOR UPDATE";

    /// <summary>
    /// Reads a case that a new row will reference, with the lock the foreign key would take anyway:
    /// it waits for a merge in progress (then sees its result) but not for other writers of the case.
    /// </summary>
    public string SelectCaseByIdForKeyShare { get; } = $"SELECT {CaseColumns} FROM {s}.cases WHERE id = @Id FOR KEY SHARE";

    /// <summary>Reads and locks a registration, so two corrections of it run one after the other.</summary>
    public string SelectRegistrationForUpdate { get; } = $"SELECT {DiaryRows.RegistrationColumns} FROM {s}.registrations WHERE id = @Id FOR UPDATE";

    /// <summary>Locks both cases of a merge, in id order so two merges never wait for each other in a circle.</summary>
    public string LockCasesForMerge { get; } = $"""
        SELECT {CaseColumns} FROM {s}.cases
        WHERE id IN (@SurvivorId, @MergedId) ORDER BY id FOR UPDATE
        """;
}
