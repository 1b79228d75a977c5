using System.Net;
using System.Text.Json;
using IntegrationHub.Adapters.Platina.Contract;
using Refit;

namespace IntegrationHub.Adapters.Platina.Client;

/// <summary>
/// The calls the adapter makes to Platina, each answering a typed result or throwing <see cref="PlatinaException"/>
/// (the resilience pipeline below has already retried what was worth retrying).
/// </summary>
internal sealed class PlatinaClient(IPlatinaApi api, PlatinaErrors errors)
{
    /// <summary>A page of events after <paramref name="after"/> (null: from the start), as raw JSON for the field map.</summary>
    public async Task<JsonDocument> GetEventsAsync(string? after, int limit, CancellationToken cancellationToken)
    {
        const string operation = "read events";
        using var response = await errors.CallAsync(operation, () => api.GetEventsAsync(after, limit, cancellationToken), cancellationToken);
        await errors.EnsureSuccessAsync(operation, response, "Platina has no events endpoint at this address (404): check BaseUrl.", cancellationToken);
        var body = await errors.ReadBodyAsync(operation, response, cancellationToken);
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new PlatinaException("Platina answered the events request with something that is not JSON.", (int)response.StatusCode, false, null, e);
        }
    }

    /// <summary>A file's bytes.</summary>
    public async Task<byte[]> GetFileAsync(string fileId, CancellationToken cancellationToken)
    {
        var operation = $"download file {fileId}";
        using var response = await errors.CallAsync(operation, () => api.GetFileAsync(fileId, cancellationToken), cancellationToken);
        await errors.EnsureSuccessAsync(operation, response, $"Platina has no file {fileId} (404).", cancellationToken);
        return await errors.ReadBodyAsync(operation, response, cancellationToken);
    }

    /// <summary>The Platina case whose external id is <paramref name="externalId"/>, or null.</summary>
    public async Task<PlatinaCase?> FindCaseAsync(string externalId, CancellationToken cancellationToken)
    {
        var response = await errors.CallAsync("look up a case by external id", () => api.FindCasesAsync(externalId, cancellationToken), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        errors.EnsureSuccess("look up a case by external id", response);
        return response.Content?.Cases?.FirstOrDefault(c => !string.IsNullOrEmpty(c.Id));
    }

    /// <summary>Creates the case, or answers the existing one when Platina already has its external id (409).</summary>
    public async Task<(CreatedPlatinaCase Case, bool Existed)> CreateCaseAsync(NewPlatinaCase newCase, CancellationToken cancellationToken)
    {
        const string operation = "create the case";
        var response = await errors.CallAsync(operation, () => api.CreateCaseAsync(newCase, cancellationToken), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = Read<CreatedPlatinaCase>(PlatinaErrors.Content(response));
            return (existing ?? new CreatedPlatinaCase(null, null), true);
        }

        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            throw errors.Unprocessable(response, newCase);
        }

        errors.EnsureSuccess(operation, response);
        return response.Content is { Id: not null } created
            ? (created, false)
            : throw new PlatinaException("Platina created the case but answered without its id.", 201, false);
    }

    /// <summary>The documents Platina has in the case.</summary>
    public async Task<IReadOnlyList<PlatinaDocumentSummary>> GetDocumentsAsync(string caseId, CancellationToken cancellationToken)
    {
        var operation = $"list the documents of case {caseId}";
        var response = await errors.CallAsync(operation, () => api.GetDocumentsAsync(caseId, cancellationToken), cancellationToken);
        errors.EnsureSuccess(operation, response, $"Platina has no case {caseId} (404).");
        return response.Content?.Documents ?? [];
    }

    /// <summary>Adds the document, or answers the existing one when the case already has its external id (409).</summary>
    public async Task<(CreatedPlatinaDocument Document, bool Existed)> AddDocumentAsync(string caseId, NewPlatinaDocument document, CancellationToken cancellationToken)
    {
        var operation = $"add a document to case {caseId}";
        var response = await errors.CallAsync(operation, () => api.AddDocumentAsync(caseId, document, cancellationToken), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return (Read<CreatedPlatinaDocument>(PlatinaErrors.Content(response)) ?? new CreatedPlatinaDocument(null, null), true);
        }

        errors.EnsureSuccess(operation, response, $"Platina has no case {caseId} (404).");
        return (response.Content ?? new CreatedPlatinaDocument(null, null), false);
    }

    private static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, PlatinaJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
