using Dapper;
using IntegrationHub.Store.Cases;
using Npgsql;

namespace IntegrationHub.Store.PostgreSql;

/// <summary>Correlation reads on their own pooled connections; they see committed data only.</summary>
internal sealed class PostgreSqlCaseLinkQueries(NpgsqlDataSource dataSource, PostgreSqlCommands commands) : ICaseLinkQueries
{
    public async Task<IReadOnlyList<CaseSourceId>> GetSourceIdsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlCaseLinkRows.ReadSourceIdsAsync(
            connection, new CommandDefinition(commands.Links.SelectSourceIds, new { CaseId = caseId }, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRelation>> GetRelationsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlCaseLinkRows.ReadRelationsAsync(
            connection, new CommandDefinition(commands.Links.SelectRelations, new { CaseId = caseId }, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<CaseRecord>> GetSubCasesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await PostgreSqlRows.ReadCasesAsync(
            connection, new CommandDefinition(commands.SelectCaseById, new { Id = caseId }, cancellationToken: cancellationToken), cancellationToken);
        if (found.SingleOrDefault() is not { } mainCase || (mainCase.CaseNumber is null && mainCase.Diarienummer is null))
        {
            return [];
        }

        var parameters = new { mainCase.Id, mainCase.Municipality, mainCase.CaseNumber, Diarienummer = mainCase.Diarienummer?.Value };
        return await PostgreSqlRows.ReadCasesAsync(
            connection, new CommandDefinition(commands.Links.SelectSubCases, parameters, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> GetTimelineWithSubCasesAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlRows.ReadEventsAsync(
            connection, new CommandDefinition(commands.Links.TimelineWithSubCases, new { CaseId = caseId }, cancellationToken: cancellationToken), cancellationToken);
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

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgreSqlRows.ReadEventsAsync(
            connection,
            new CommandDefinition(
                commands.Links.EventsByCollaboration,
                new { Municipality = municipality, CollaborationIds = collaborationIds.Distinct(StringComparer.Ordinal).ToArray() },
                cancellationToken: cancellationToken),
            cancellationToken);
    }
}
