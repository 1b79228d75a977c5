using System.Text;
using Dapper;
using IntegrationHub.Store.Diary;

namespace IntegrationHub.Store.Sqlite;

/// <summary>Diary reads on their own short connections; they see committed data only.</summary>
internal sealed class SqliteDiaryQueries(SqliteConnectionFactory connections) : IDiaryQueries
{
    public async Task<Registration?> GetRegistrationAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = await SqliteDiaryRows.ReadRegistrationsAsync(
            connection, new CommandDefinition(SqliteDiaryCommands.SelectRegistration, new { Id = SqliteRows.Text(registrationId) }, cancellationToken: cancellationToken), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<IReadOnlyList<RegistrationChange>> GetHistoryAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqliteDiaryRows.ReadHistoryAsync(
            connection, new CommandDefinition(SqliteDiaryCommands.SelectHistory, new { Id = SqliteRows.Text(registrationId) }, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<Registration>> SearchAsync(DiaryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Municipality, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        var sql = new StringBuilder(SqliteDiaryCommands.SearchBase);
        if (query.Diary is not null)
        {
            sql.Append(SqliteDiaryCommands.SearchByDiary);
        }

        if (query.From is not null)
        {
            sql.Append(SqliteDiaryCommands.SearchFrom);
        }

        if (query.To is not null)
        {
            sql.Append(SqliteDiaryCommands.SearchTo);
        }

        var text = string.IsNullOrWhiteSpace(query.Text) ? null : SqliteDiaryRules.Normalise(query.Text.Trim());
        if (text is not null)
        {
            sql.Append(SqliteDiaryCommands.SearchByText);
        }

        sql.Append(SqliteDiaryCommands.SearchOrder);
        var parameters = new
        {
            query.Municipality,
            query.Diary,
            From = query.From is { } from ? SqliteDiaryRows.Date(from) : null,
            To = query.To is { } to ? SqliteDiaryRows.Date(to) : null,
            Text = text,
            query.Offset,
            query.Limit,
        };
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqliteDiaryRows.ReadRegistrationsAsync(
            connection, new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<Registration>> GetCaseRegistrationsAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqliteDiaryRows.ReadRegistrationsAsync(
            connection, new CommandDefinition(SqliteDiaryCommands.SelectCaseRegistrations, new { CaseId = SqliteRows.Text(caseId) }, cancellationToken: cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<DiaryConflict>> GetConflictsAsync(string municipality, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipality);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await SqliteDiaryRows.ReadConflictsAsync(
            connection, new CommandDefinition(SqliteDiaryCommands.SelectConflicts, new { Municipality = municipality }, cancellationToken: cancellationToken), cancellationToken);
    }
}
