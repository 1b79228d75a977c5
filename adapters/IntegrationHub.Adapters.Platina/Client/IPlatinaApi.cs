using IntegrationHub.Adapters.Platina.Contract;
using Refit;

namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>
/// The integration contract (samples/platina/platina-integration.openapi.yaml) as a Refit client. Calls answer the raw
/// response or an <see cref="IApiResponse{T}"/> so that <see cref="PlatinaClient"/> turns every status into a typed result.
/// </summary>
internal interface IPlatinaApi
{
    /// <summary>Events after a cursor, oldest first; read raw because the field names are configurable.</summary>
    [Get("/events")]
    Task<HttpResponseMessage> GetEventsAsync([AliasAs("after")] string? after, [AliasAs("limit")] int limit, CancellationToken cancellationToken);

    /// <summary>A file's bytes.</summary>
    [Get("/files/{id}")]
    Task<HttpResponseMessage> GetFileAsync(string id, CancellationToken cancellationToken);

    /// <summary>Cases with this external id (the hub case id): none or one.</summary>
    [Get("/cases")]
    Task<IApiResponse<PlatinaCaseList>> FindCasesAsync([AliasAs("externalId")] string externalId, CancellationToken cancellationToken);

    /// <summary>Creates a case; 409 when one with the same external id exists (the body is that case).</summary>
    [Post("/cases")]
    Task<IApiResponse<CreatedPlatinaCase>> CreateCaseAsync([Body] NewPlatinaCase body, CancellationToken cancellationToken);

    /// <summary>The documents of a case, with their external ids.</summary>
    [Get("/cases/{id}/documents")]
    Task<IApiResponse<PlatinaDocumentList>> GetDocumentsAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a document; 409 when one with the same external id exists in the case.</summary>
    [Post("/cases/{id}/documents")]
    Task<IApiResponse<CreatedPlatinaDocument>> AddDocumentAsync(string id, [Body] NewPlatinaDocument body, CancellationToken cancellationToken);
}
