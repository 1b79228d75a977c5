using Dapper;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Store.Notifications;

namespace IntegrationHub.Store.Relational;

/// <summary>Citizens' notification opt-outs.</summary>
public abstract partial class RelationalSubscriptionStore : INotificationPreferences
{
    /// <inheritdoc />
    public async Task<bool> IsOptedOutAsync(string municipality, PartyIdentity person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {Table("notification_opt_outs")} WHERE municipality = @Municipality AND identity_type = @Type AND identity_value = @Value",
            new { Municipality = municipality, Type = person.Type.ToString(), person.Value }, cancellationToken: cancellationToken)) > 0;
    }

    /// <inheritdoc />
    public async Task SetOptedOutAsync(string municipality, PartyIdentity person, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var connection = await OpenAsync(cancellationToken);
        var parameters = new { Municipality = municipality, Type = person.Type.ToString(), person.Value, At = _types.Timestamp(at) };
        await connection.ExecuteAsync(new CommandDefinition(
            optedOut
                ? $"INSERT INTO {Table("notification_opt_outs")} (municipality, identity_type, identity_value, opted_out_at) VALUES (@Municipality, @Type, @Value, @At) ON CONFLICT DO NOTHING"
                : $"DELETE FROM {Table("notification_opt_outs")} WHERE municipality = @Municipality AND identity_type = @Type AND identity_value = @Value",
            parameters, cancellationToken: cancellationToken));
    }
}
