using IntegrationHub.Adapters.Fgs.Model;

namespace IntegrationHub.Adapters.Fgs.Reading;

/// <summary>Reads the parts of a Leveransobjekt into the model, checking each rule where the element is.</summary>
internal static class FgsElementReader
{
    public static FgsCase Case(FgsNode node)
    {
        var documents = node.Single("ArkivobjektListaHandlingar")?.Many("ArkivobjektHandling").Select(Document).ToList() ?? [];
        var documentIds = new Dictionary<string, FgsDocument>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (!documentIds.TryAdd(document.Id, document))
            {
                throw node.ErrorAt(document.Location, "/ArkivobjektID", FgsErrorCodes.DuplicateId, $"ArkivobjektID '{document.Id}' is also used by {Last(documentIds[document.Id].Location.Path)} of the same case");
            }
        }

        return new FgsCase
        {
            Location = node.Location,
            Id = node.Required("ArkivobjektID"),
            SystemId = node.Attribute("Systemidentifierare"),
            ExtraIds = ExtraIds(node),
            CaseType = node.Text("ArendeTyp"),
            Closed = node.Date("Avslutat"),
            Description = node.Text("Beskrivning"),
            Decided = node.Dates("Beslutat"),
            Retention = node.Single("Gallring") is { } gallring ? Retention(gallring) : null,
            Agents = [.. node.Many("Agent").Select(Agent)],
            Restrictions = [.. node.Many("Restriktion").Select(Restriction)],
            Counterparts = [.. node.Many("Motpart").Select(Person)],
            Note = node.Text("Notering"),
            Relations = [.. node.Many("ArendeRelation").Select(Relation)],
            Created = node.Date("Skapad"),
            Received = node.Date("Inkommen"),
            Status = node.Single("StatusArande") is { } status ? status.OneOf(status.Value, FgsValues.CaseStatuses) : null,
            DrawnUp = node.Date("Upprattad"),
            Sent = node.Date("Expedierad"),
            Title = node.Required("Arendemening"),
            Documents = documents,
        };
    }

    public static FgsDocument Document(FgsNode node)
    {
        var title = node.Text("Rubrik");
        var description = node.Text("Beskrivning");
        if (title is null && description is null)
        {
            throw node.Missing("Rubrik");
        }

        return new FgsDocument
        {
            Location = node.Location,
            Id = node.Required("ArkivobjektID"),
            SystemId = node.Attribute("Systemidentifierare"),
            ExtraIds = ExtraIds(node),
            DocumentType = node.Text("Handlingstyp"),
            Sender = node.Single("Avsandare") is { } sender ? Person(sender) : null,
            Description = description,
            Sent = node.Date("Expedierad"),
            Retention = node.Single("Gallring") is { } gallring ? Retention(gallring) : null,
            Agents = [.. node.Many("Agent").Select(Agent)],
            Received = node.Date("Inkommen"),
            RunningNumber = node.Int("Lopnummer"),
            Recipients = [.. node.Many("Mottagare").Select(Person)],
            Note = node.Text("Notering"),
            Title = title,
            Created = node.Date("Skapad"),
            Status = node.Single("StatusHandling") is { } status ? status.OneOf(status.Value, FgsValues.DocumentStatuses) : null,
            DrawnUp = node.Date("Upprattad"),
            Restrictions = [.. node.Many("Restriktion").Select(Restriction)],
            Attachments = [.. node.Many("Bilaga").Select(Attachment)],
        };
    }

    private static FgsPerson Person(FgsNode node) => new()
    {
        Name = node.Required("Namn"),
        Organisation = node.Text("Organisation"),
        PostalAddress = node.Text("Postadress"),
        PostalCode = node.Text("Postnummer"),
        City = node.Text("Postort"),
        Country = node.Text("Land"),
        IdNumber = node.Single("IDnummer") is { Value.Length: > 0 } id
            ? new FgsIdNumber(id.Value, id.Attribute("Typ") is { } type ? id.OneOf(type, FgsValues.IdNumberTypes, "Typ") : 1)
            : null,
        Phones = node.Texts("Telefon"),
        Fax = node.Text("Fax"),
        Email = node.Text("EPost"),
        ProtectedIdentity = node.Bool("SkyddadIdentitet"),
    };

    private static FgsAgent Agent(FgsNode node) =>
        new(node.Required("Roll"), node.Text("Namn"), node.Text("Organisationsnamn"), node.Text("Enhetsnamn"));

    private static FgsRestriction Restriction(FgsNode node) => new(
        node.OneOf(node.RequiredAttribute("Typ"), FgsValues.RestrictionTypes, "Typ"),
        node.Attribute("AnnanTyp"),
        node.Text("ForklarandeText"),
        node.Text("Lagrum"),
        node.Date("RestriktionsDatum"));

    private static FgsRetention Retention(FgsNode node) => new(
        node.BoolAttribute("Gallras") ?? throw node.AttributeError("Gallras", FgsErrorCodes.Required, "required attribute Gallras is missing"),
        node.Text("GallringsFrist"),
        node.Text("GallringsForklaring"),
        node.Date("GallringsPeriodSlut"));

    private static FgsCaseRelation Relation(FgsNode node) => new(
        node.Value.Length > 0 ? node.Value : throw node.Error(FgsErrorCodes.Empty, "ArendeRelation must name the related case"),
        node.Attribute("Typ") is { } type ? node.OneOf(type, FgsValues.RelationTypes, "Typ") : null,
        node.Attribute("AnnanTyp"));

    private static FgsAttachment Attachment(FgsNode node)
    {
        var size = node.LongAttribute("Storlek");
        return new FgsAttachment
        {
            Location = node.Location,
            Name = node.RequiredAttribute("Namn"),
            Link = node.RequiredAttribute("Lank"),
            Description = node.Attribute("Beskrivning"),
            Size = size is > int.MaxValue ? throw node.AttributeError("Storlek", FgsErrorCodes.Number, "Storlek is larger than FGS allows (xs:int)") : size,
            MediaType = node.Attribute("Mimetyp"),
            Checksum = node.Attribute("Checksumma"),
            ChecksumMethod = node.Attribute("ChecksummaMetod"),
        };
    }

    private static IReadOnlyList<FgsExtraId> ExtraIds(FgsNode node) =>
        [.. node.Many("ExtraID").Where(n => n.Value.Length > 0).Select(n => new FgsExtraId(n.Value, n.Attribute("ExtraIDTyp")))];

    private static string Last(string path) => path[(path.LastIndexOf('/') + 1)..];
}
