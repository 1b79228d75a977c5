using IntegrationHub.Canonical.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IntegrationHub.Hub.Apis;

/// <summary>
/// Describes the intake's request body in the OpenAPI document. The endpoint reads the body itself
/// (so that it can answer 415 and 413 as ProblemDetails), hence no <c>Accepts</c> metadata, which
/// would make routing reject other media types before the endpoint runs.
/// </summary>
public static class IntakeOpenApi
{
    /// <summary>An operation transformer adding the three CloudEvents media types.</summary>
    public static Task DescribeRequestBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var schema = new OpenApiSchema
        {
            Description = "A Sambruk case event: " + CaseEventAttributes.SchemaV1,
            Type = JsonSchemaType.Object,
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One CloudEvent (structured mode), an array of them (batch mode), or the data of one event with its attributes in ce-* headers (binary mode).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [CaseEventAttributes.StructuredMediaType] = new() { Schema = schema },
                [CaseEventAttributes.BatchMediaType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = schema } },
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Binary mode: the event's data." } },
            },
        };
        return Task.CompletedTask;
    }
}
