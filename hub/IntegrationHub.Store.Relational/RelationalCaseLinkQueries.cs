using System.Data.Common;
using Dapper;
using IntegrationHub.Store.Cases;

namespace IntegrationHub.Store.Relational;

/// <summary>Correlation reads on their own connections; they see committed data only.</summary>
internal sealed class RelationalCaseLinkQueries(Func<CancellationToken, Task<DbConnection>> openConnection, IStoreDialect dialect) : ICaseLinkQueries
{
    private ICaseLinkCommands Commands => dialect.Links;

    private IStoreTypes Types => dialect.Types;

    public async Task<IReadOnlyList<CaseSourceId>> GetSourceIdsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await openConnection(cancellationToken);
        return await connection.QueryRowsAsync(Command(Commands.SelectSourceIds, new { CaseId = Types.Id(caseId) }, cancellationToken), Types, CaseLinkRows.ReadSourceId, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRelation>> GetRelationsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await openConnection(cancellationToken);
        return await connection.QueryRowsAsync(Command(Commands.SelectRelations, new { CaseId = Types.Id(caseId) }, cancellationToken), Types, CaseLinkRows.ReadRelation, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRecord>> GetSubCasesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await openConnection(cancellationToken);
        var found = await RelationalRows.ReadCasesAsync(
            connection, Command(dialect.Commands.SelectCaseById, new { Id = Types.Id(caseId) }, cancellationToken), Types, cancellationToken);
        if (found.SingleOrDefault() is not { } mainCase || (mainCase.CaseNumber is null && mainCase.Diarienummer is null))
        {
            return [];
        }

        var parameters = new { Id = Types.Id(mainCase.Id), mainCase.Municipality, mainCase.CaseNumber, Diarienummer = mainCase.Diarienummer?.Value };
        return await RelationalRows.ReadCasesAsync(connection, Command(Commands.SelectSubCases, parameters, cancellationToken), Types, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> GetTimelineWithSubCasesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await openConnection(cancellationToken);
        return await RelationalRows.ReadEventsAsync(
            connection, Command(Commands.TimelineWithSubCases, new { CaseId = Types.Id(caseId) }, cancellationToken), Types, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> GetEventsByCollaborationAsync(
        string municipality, IReadOnlyCollection<string> collaborationIds, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        ArgumentNullException.ThrowIfNull(collaborationIds);
        if (collaborationIds.Count == 0)
        {
            return [];
        }

        // An array: Dapper expands it into one parameter per id on SQLite; Npgsql sends it as one text[].
        var parameters = new { Municipality = municipality, CollaborationIds = collaborationIds.Distinct(StringComparer.Ordinal).ToArray() };
        await using var connection = await openConnection(cancellationToken);
        return await RelationalRows.ReadEventsAsync(connection, Command(Commands.EventsByCollaboration, parameters, cancellationToken), Types, cancellationToken);
    }

    private static CommandDefinition Command(string sql, object parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, cancellationToken: cancellationToken);
}
