using System.IO.Compression;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Fgs.Export;
using IntegrationHub.Hub.Apis;
using IntegrationHub.Hub.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IntegrationHub.Host.Adapters;

/// <summary>FGS Ärendehantering export of chosen hub cases, for an e-archive.</summary>
internal static class FgsExportEndpoints
{
    private const int MaxCases = 500;

    public static IEndpointRouteBuilder MapFgsExport(this IEndpointRouteBuilder routes)
    {
        AuditRecorder.Audited(
            routes.MapPost("/api/v1/exports/fgs", ExportAsync)
                .WithTags("Exports")
                .WithSummary("An FGS Ärendehantering delivery (Leveransobjekt XML and every file, as a zip) of the chosen cases of one municipality")
                .RequireScope(HubScopes.Registrator),
            "fgs.export", "case", _ => null);
        return routes;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportAsync(
        FgsExportRequest request, HttpContext context, HubCaller caller, ICaseLookup cases, IContentStore contents, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Municipality is not { Length: 4 } municipality || !municipality.All(char.IsAsciiDigit))
        {
            return Problems.InvalidParameter("municipality", "pattern", "municipality is required: the kommunkod, four digits (e.g. 2281).");
        }

        if (!caller.CanAccess(municipality))
        {
            return Tenancy.OtherMunicipality("municipality", municipality);
        }

        if (request.CaseIds is not { Count: > 0 and <= MaxCases } ids)
        {
            return Problems.InvalidParameter("caseIds", "range", $"caseIds is required: 1–{MaxCases} hub case ids.");
        }

        var snapshots = new List<CaseSnapshot>();
        foreach (var (id, index) in ids.Distinct().Select((id, i) => (id, i)))
        {
            if (await cases.GetSnapshotAsync(municipality, id, cancellationToken) is not { } snapshot)
            {
                return Problems.InvalidParameter($"caseIds/{index}", "exists", $"No case {id} in municipality {municipality}.");
            }

            // An archive delivery carries everything of a case: only what the caller may read goes out.
            if (!caller.MaySee(snapshot.Classification))
            {
                return Problems.Forbidden($"caseIds/{index}", "ceiling",
                    $"Case {id} holds information classified above what the caller may read; export it with a key or role of higher clearance.");
            }

            snapshots.Add(snapshot);
        }

        AuditRecorder.SetMunicipality(context, municipality);
        AuditRecorder.SetCount(context, snapshots.Count);

        var folder = Directory.CreateTempSubdirectory("ihub-fgs-export-");
        try
        {
            await FgsExport.WriteAsync(snapshots, contents, folder.FullName, new FgsExportOptions(), cancellationToken);
            // A delivery can hold gigabytes of files: zipped to a temp file that is deleted once sent, not held in memory.
            var zipPath = Path.Combine(Path.GetTempPath(), $"ihub-fgs-{Guid.NewGuid():N}.zip");
            await ZipFile.CreateFromDirectoryAsync(folder.FullName, zipPath, CompressionLevel.Optimal, includeBaseDirectory: false, cancellationToken);
            var zip = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            return TypedResults.File(zip, "application/zip", $"fgs-{municipality}-{time.GetUtcNow():yyyyMMdd-HHmmss}.zip");
        }
        catch (FgsExportException e)
        {
            // A document's file is not in the hub's content store (it was referenced, never stored): nothing is sent.
            return Problems.Conflict(e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
