using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Fgs.Model;
using IntegrationHub.Adapters.Fgs.Reading;
using IntegrationHub.Canonical.Model;
using IntegrationHub.Canonical.Serialization;

namespace IntegrationHub.Adapters.Fgs.Export;

/// <summary>
/// Writes hub cases as an FGS Ärendehantering <c>Leveransobjekt</c>, elements in the order of the FGS schema: the case
/// with its diarienummer as ArkivobjektID, its ids in other systems as ExtraID, parties as Motpart (applicants) and Agent
/// (other roles), a Restriktion when the case is classified confidential (Integritet) or restricted (Sekretess), and every
/// document with its Bilaga files (Lank, Storlek, Mimetyp, SHA-256 Checksumma).
/// </summary>
internal sealed class FgsWriter(FgsExportOptions options)
{
    private static readonly XNamespace Ns = FgsNames.Ns;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public async Task<string> WriteAsync(IReadOnlyList<CaseSnapshot> cases, IContentStore contents, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(contents);
        Directory.CreateDirectory(outputDirectory);
        var files = new ExportFiles(options.FilesFolder);
        var caseElements = new List<XElement>();
        foreach (var snapshot in cases)
        {
            caseElements.Add(await CaseAsync(snapshot, files, contents, outputDirectory, cancellationToken));
        }

        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + FgsNames.Root, new XElement(Ns + "ArkivobjektListaArenden", caseElements)));
        var path = Path.Combine(outputDirectory, options.FileName);
        var partial = path + ".part";
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using (var stream = File.Create(partial))
        await using (var writer = XmlWriter.Create(stream, settings))
        {
            await document.SaveAsync(writer, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    private async Task<XElement> CaseAsync(CaseSnapshot snapshot, ExportFiles files, IContentStore contents, string outputDirectory, CancellationToken cancellationToken)
    {
        var id = snapshot.Diarienummer ?? (snapshot.SourceIds.Count > 0 ? snapshot.SourceIds[0].SourceCaseId : snapshot.CaseId.ToString());
        var documentIds = new HashSet<string>(StringComparer.Ordinal);
        var documents = new List<XElement>();
        for (var i = 0; i < snapshot.Documents.Count; i++)
        {
            var document = snapshot.Documents[i];
            var documentId = document.DocumentId ?? $"{id}-{(document.RunningNumber ?? i + 1).ToString(CultureInfo.InvariantCulture)}";
            documentId = documentIds.Add(documentId) ? documentId : $"{documentId}-{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            documentIds.Add(documentId);
            documents.Add(await DocumentAsync(snapshot, document, documentId, files, contents, outputDirectory, cancellationToken));
        }

        var applicants = snapshot.Parties.Where(p => p.Role is PartyRole.Applicant or PartyRole.CoApplicant && p.Name is not null).OrderBy(p => p.Role);
        var others = snapshot.Parties.Where(p => p.Role is not (PartyRole.Applicant or PartyRole.CoApplicant) && p.Name is not null);
        return new XElement(Ns + "ArkivobjektArende",
            new XAttribute("Systemidentifierare", snapshot.CaseId.ToString()),
            E("ArkivobjektID", id),
            E("Informationsklass", CaseEventFormatter.ClassificationName(snapshot.Classification)),
            snapshot.SourceIds.Select(s => new XElement(Ns + "ExtraID", new XAttribute("ExtraIDTyp", s.SourceSystem), s.SourceCaseId)),
            E("ArendeTyp", snapshot.CaseType),
            others.Select(p => new XElement(Ns + "Agent", E("Roll", Mapping.PartyMapper.RoleName(p.Role)), E("Namn", p.Name))),
            Restriction(snapshot.Classification),
            applicants.Select(Motpart),
            E("Skapad", Date(snapshot.OpenedAt)),
            E("StatusArande", Status(snapshot.Status)),
            E("Arendemening", string.IsNullOrWhiteSpace(snapshot.Title) ? $"Ärende {id}" : snapshot.Title),
            documents.Count > 0 ? new XElement(Ns + "ArkivobjektListaHandlingar", documents) : null);
    }

    private async Task<XElement> DocumentAsync(CaseSnapshot snapshot, Document document, string documentId, ExportFiles files,
        IContentStore contents, string outputDirectory, CancellationToken cancellationToken)
    {
        var attachments = new List<XElement>();
        foreach (var attachment in document.Attachments ?? [])
        {
            var (link, isNew) = files.Place(attachment.Name, attachment.Sha256);
            if (isNew)
            {
                var blob = await contents.GetAsync(attachment.Sha256, cancellationToken)
                    ?? throw new FgsExportException($"Case {snapshot.CaseId}, document {documentId}: the file with SHA-256 {attachment.Sha256} is not in the content store.");
                var target = Path.Combine(outputDirectory, link);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, blob.Content, cancellationToken);
            }

            attachments.Add(new XElement(Ns + "Bilaga",
                new XAttribute("Namn", attachment.Name),
                new XAttribute("Lank", link),
                new XAttribute("Storlek", attachment.Size.ToString(CultureInfo.InvariantCulture)),
                new XAttribute("Mimetyp", attachment.MediaType),
                new XAttribute("Checksumma", attachment.Sha256),
                new XAttribute("ChecksummaMetod", "SHA-256")));
        }

        var date = Date(document.Date);
        return new XElement(Ns + "ArkivobjektHandling",
            E("ArkivobjektID", documentId),
            E("Informationsklass", CaseEventFormatter.ClassificationName(snapshot.Classification)),
            E("Handlingstyp", document.DocumentType),
            document.Sender is { } sender ? Person("Avsandare", sender) : null,
            E("Expedierad", document.Direction == DocumentDirection.Sent ? date : null),
            E("Inkommen", document.Direction == DocumentDirection.Incoming ? date : null),
            E("Lopnummer", document.RunningNumber?.ToString(CultureInfo.InvariantCulture)),
            (document.Recipients ?? []).Select(r => Person("Mottagare", r)),
            E("Rubrik", document.Title),
            E("StatusHandling", FgsValues.Name(document.Direction switch
            {
                DocumentDirection.Incoming => FgsDocumentStatus.Received,
                DocumentDirection.Sent => FgsDocumentStatus.Sent,
                _ => FgsDocumentStatus.DrawnUp,
            })),
            E("Upprattad", document.Direction == DocumentDirection.DrawnUp ? date : null),
            Restriction(snapshot.Classification),
            attachments);
    }

    private static XElement Motpart(Party party) => new(Ns + "Motpart",
        E("Namn", party.Name),
        party.Identity is { Type: not IdentityType.PartyId } identity
            ? new XElement(Ns + "IDnummer", new XAttribute("Typ", identity.Type == IdentityType.Samordningsnummer ? "2" : "1"), identity.Value)
            : null,
        E("Telefon", party.Phone),
        E("EPost", party.Email),
        party.ProtectedIdentity is true ? E("SkyddadIdentitet", "true") : null);

    private static XElement Person(string element, Correspondent correspondent) => new(Ns + element,
        E("Namn", correspondent.Name ?? correspondent.Organisation ?? correspondent.Email ?? "(namn saknas)"),
        E("Organisation", correspondent.Name is null ? null : correspondent.Organisation),
        correspondent.Identity is { Type: not IdentityType.PartyId } identity
            ? new XElement(Ns + "IDnummer", new XAttribute("Typ", identity.Type == IdentityType.Samordningsnummer ? "2" : "1"), identity.Value)
            : null,
        E("EPost", correspondent.Email));

    /// <summary>The hub's classification as an FGS Restriktion: restricted is Sekretess, confidential Integritet.</summary>
    private static XElement? Restriction(DataClassification classification) => classification switch
    {
        DataClassification.Restricted => new XElement(Ns + "Restriktion", new XAttribute("Typ", "Sekretess"),
            E("ForklarandeText", "Sekretess kan gälla (klassad restricted i IntegrationHub). Sekretessprövning krävs före utlämnande.")),
        DataClassification.Confidential => new XElement(Ns + "Restriktion", new XAttribute("Typ", "Integritet"),
            E("ForklarandeText", "Innehåller personuppgifter (klassad confidential i IntegrationHub). Sekretessprövning krävs före utlämnande.")),
        _ => null,
    };

    private string Date(DateTimeOffset instant) => FgsDate.FromDateTimeOffset(instant, _zone).Text;

    private static string? Status(string? status) => status?.Trim() switch
    {
        null or "" => null,
        var s when FgsValues.CaseStatuses.TryGetValue(s, out var known) => FgsValues.Name(known),
        var s when s.Equals("Avslutat", StringComparison.OrdinalIgnoreCase) || s.Equals("closed", StringComparison.OrdinalIgnoreCase) => FgsValues.Name(CaseStatus.Closed),
        _ => null,
    };

    private static XElement? E(string name, string? value) => value is null ? null : new XElement(Ns + name, value);
}
