using Dapper;
using IntegrationHub.Store.Cases;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Correlation reads on their own short connections; they see committed data only.</summary>
internal sealed class SqliteCaseLinkQueries(SqliteConnectionFactory connections) : ICaseLinkQueries
{
    public async Task<IReadOnlyList<CaseSourceId>> GetSourceIdsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqliteCaseLinkRows.ReadSourceIdsAsync(
            connection, new CommandDefinition(SqliteCaseLinkCommands.SelectSourceIds, new { CaseId = SqliteRows.Text(caseId) }, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRelation>> GetRelationsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqliteCaseLinkRows.ReadRelationsAsync(
            connection, new CommandDefinition(SqliteCaseLinkCommands.SelectRelations, new { CaseId = SqliteRows.Text(caseId) }, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRecord>> GetSubCasesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = await SqliteRows.ReadCasesAsync(
            connection, new CommandDefinition(SqliteCommands.SelectCaseById, new { Id = SqliteRows.Text(caseId) }, cancellationToken: cancellationToken), cancellationToken);
        if (found.SingleOrDefault() is not { } mainCase || (mainCase.CaseNumber is null && mainCase.Diarienummer is null))
        {
            return [];
        }

        var parameters = new
        {
            Id = SqliteRows.Text(mainCase.Id),
            mainCase.Municipality,
            mainCase.CaseNumber,
            Diarienummer = mainCase.Diarienummer?.Value,
        };
        return await SqliteRows.ReadCasesAsync(
            connection, new CommandDefinition(SqliteCaseLinkCommands.SelectSubCases, parameters, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> GetTimelineWithSubCasesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqliteRows.ReadEventsAsync(
            connection, new CommandDefinition(SqliteCaseLinkCommands.TimelineWithSubCases, new { CaseId = SqliteRows.Text(caseId) }, cancellationToken: cancellationToken), cancellationToken);
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

        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqliteRows.ReadEventsAsync(
            connection,
            new CommandDefinition(
                SqliteCaseLinkCommands.EventsByCollaboration,
                new { Municipality = municipality, CollaborationIds = collaborationIds.Distinct(StringComparer.Ordinal).ToArray() },
                cancellationToken: cancellationToken),
            cancellationToken);
    }
}
