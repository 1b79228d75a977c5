using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Canonical.Model;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>
/// The hub's intake is scoped (one store session per submission) while the sink lives as long as the hub: each
/// submission gets its own scope.
/// </summary>
internal sealed class ScopedIntake(IServiceScopeFactory scopes) : ICaseEventIntake
{
    public async Task<IntakeReceipt> SubmitAsync(IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICaseEventIntake>().SubmitAsync(events, cancellationToken);
    }
}
