using IntegrationHub.Adapters.Abstractions;

namespace IntegrationHub.Adapters.Fgs.Export;

/// <summary>The way out to an e-archive: hub cases as an FGS Ärendehantering delivery.</summary>
public static class FgsExport
{
    /// <summary>
    /// Writes one <c>Leveransobjekt</c> XML for <paramref name="cases"/> into <paramref name="outputDirectory"/> (created
    /// when missing), with every document's files fetched from <paramref name="contents"/> under <c>filer/</c>, and
    /// returns the XML's path. The XML is written last and appears whole (written aside and renamed), so a folder
    /// watcher on the output folder never sees half a delivery.
    /// </summary>
    /// <exception cref="FgsExportException">A file a document names is not in the content store.</exception>
    public static Task<string> WriteAsync(IReadOnlyList<CaseSnapshot> cases, IContentStore contents, string outputDirectory,
        FgsExportOptions options, CancellationToken cancellationToken) =>
        new FgsWriter(options).WriteAsync(cases, contents, outputDirectory, cancellationToken);
}
