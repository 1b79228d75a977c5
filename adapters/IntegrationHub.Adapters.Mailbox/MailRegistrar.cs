using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Mailbox.Parsing;
using IntegrationHub.Canonical.Model;
using MimeKit;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>What became of a mail.</summary>
/// <param name="EventId">The event registering it.</param>
/// <param name="Readable">False when the mail could not be read and was registered as its original only (it goes to the review folder).</param>
/// <param name="Duplicate">The hub had registered the same mail before (redelivery, or a copy in another mailbox).</param>
internal sealed record MailOutcome(string EventId, bool Readable, bool Duplicate);

/// <summary>
/// Turns one raw mail into one canonical event and hands it to the hub: the original, its body and its files are stored
/// content-addressed first, then the event that references them. A mail that names a known case (a reply to a receipt,
/// or a diarienummer in the subject) becomes a document on that case; any other a new case with an incoming document.
/// </summary>
internal sealed partial class MailRegistrar(MailboxOptions options, IContentStore contents, ICaseLookup cases)
{
    private const int MaxAttachments = 100;
    private readonly string _municipality = options.Municipality!;

    /// <summary>Builds the event for a mail (storing its files); the caller submits it.</summary>
    public async Task<(CaseEvent Event, bool Readable)> BuildAsync(byte[] raw, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ReadMail mail;
        try
        {
            if (raw.LongLength > options.MaxMessageBytes)
            {
                throw new UnreadableMailException($"Meddelandet är större än gränsen {options.MaxMessageBytes / (1024 * 1024)} MB och har registrerats som original utan att delas upp.");
            }

            using var stream = new MemoryStream(raw, writable: false);
            mail = MailReader.Read(stream);
        }
        catch (UnreadableMailException e)
        {
            return (await UnreadableAsync(raw, receivedAt, e.Reason, cancellationToken), false);
        }

        return (await ReadableAsync(mail, raw, receivedAt, cancellationToken), true);
    }

    /// <summary>The event for a mail the hub refused as built (a rule the mapping broke): registered as its original, for review.</summary>
    public Task<CaseEvent> FallbackAsync(byte[] raw, DateTimeOffset receivedAt, string reason, CancellationToken cancellationToken) =>
        UnreadableAsync(raw, receivedAt, reason, cancellationToken);

    private async Task<CaseEvent> ReadableAsync(ReadMail mail, byte[] raw, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var id = MailKeys.MailId(mail, raw);
        var attachments = new List<Attachment> { await StoreAsync("meddelande.eml", "message/rfc822", raw, cancellationToken) };
        if (mail.BodyText.Length > 0)
        {
            attachments.Add(await StoreAsync("meddelande.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes(mail.BodyText), cancellationToken));
        }

        foreach (var part in mail.Parts.Take(MaxAttachments - attachments.Count))
        {
            attachments.Add(await StoreAsync(part.FileName, part.MediaType, part.Content, cancellationToken));
        }

        var reasons = new List<ReviewReason> { ReviewReason.AutoRegistered };
        var classification = DataClassification.Internal;
        var text = mail.Subject + "\n" + mail.BodyText;
        if (PersonnummerDetector.ContainsPersonnummer(text))
        {
            reasons.Add(ReviewReason.PersonalData);
            classification = DataClassification.Confidential;
        }

        if (MailRouter.FirstWord(options.SecrecyKeywords, text) is not null)
        {
            reasons.Add(ReviewReason.SuspectedSecrecy);
            classification = DataClassification.Restricted;
        }

        var existing = await FindExistingCaseAsync(mail, cancellationToken);
        var routing = MailRouter.Route(options, mail);
        var title = Clip(mail.Subject.Length > 0 ? mail.Subject : "(Utan ämne)", 500);
        var document = new Document
        {
            DocumentId = mail.MessageId is { Length: > 0 and <= 200 } messageId ? messageId : null,
            Direction = DocumentDirection.Incoming,
            Title = title,
            DocumentType = "E-post",
            Date = receivedAt,
            Sender = Correspondent(mail.From),
            Recipients = [.. mail.To.Concat(mail.Cc).Take(100).Select(Correspondent).OfType<Correspondent>()],
            Attachments = attachments,
        };
        return Event(id, existing is null ? CaseEventTypes.Opened : CaseEventTypes.DocumentRegistered, classification, receivedAt, new CaseEventData
        {
            Case = new CaseRef
            {
                HubCaseId = existing,
                SourceSystem = MailKeys.SourceSystem,
                SourceCaseId = id,
                // A document on a known case keeps that case's type and unit.
                Title = existing is null ? title : null,
                CaseType = existing is null ? routing.Route.CaseType : null,
                Unit = existing is null && routing.Route.Unit is { } unit ? new OrganisationRef(unit, routing.Route.UnitName) : null,
            },
            Event = new EventDetails
            {
                Headline = existing is null ? "Ditt e-postmeddelande har kommit in" : "Ett e-postmeddelande har kommit in i ärendet",
                OccurredAt = receivedAt,
                IsDiaryEvent = true,
                Category = CustomerEventCategory.Receipt,
            },
            Document = document,
            Review = new Review
            {
                Reasons = reasons,
                ReceivedVia = options.Address,
                Routing = existing is null ? routing.Explanation : "a known case: " + (MailKeys.RepliedCase(mail) is not null ? "a reply to the hub's receipt" : "a diarienummer in the subject"),
                Note = mail.IsEncrypted ? "Meddelandet är krypterat (S/MIME); innehållet kan inte läsas av hubben." : null,
            },
        });
    }

    private async Task<CaseEvent> UnreadableAsync(byte[] raw, DateTimeOffset receivedAt, string reason, CancellationToken cancellationToken)
    {
        var id = MailKeys.MailId(null, raw);
        var title = $"Oläst e-postmeddelande till {options.Address}";
        return Event(id, CaseEventTypes.Opened, DataClassification.Confidential, receivedAt, new CaseEventData
        {
            Case = new CaseRef
            {
                SourceSystem = MailKeys.SourceSystem,
                SourceCaseId = id,
                Title = title,
                CaseType = options.Defaults.CaseType,
                Unit = options.Defaults.Unit is { } unit ? new OrganisationRef(unit, options.Defaults.UnitName) : null,
            },
            Event = new EventDetails { Headline = "Ett e-postmeddelande har kommit in", OccurredAt = receivedAt, IsDiaryEvent = true },
            Document = new Document
            {
                Direction = DocumentDirection.Incoming,
                Title = title,
                DocumentType = "E-post",
                Date = receivedAt,
                Recipients = [new Correspondent { Email = options.Address }],
                Attachments = [await StoreAsync("meddelande.eml", "message/rfc822", raw, cancellationToken)],
            },
            Review = new Review
            {
                Reasons = [ReviewReason.AutoRegistered, ReviewReason.Unparseable],
                ReceivedVia = options.Address,
                Routing = "the mailbox's default",
                Note = Clip($"{reason} Originalet finns bifogat; meddelandet ligger i mappen {options.Folders.Review}.", 1000),
            },
        });
    }

    private CaseEvent Event(string id, string type, DataClassification classification, DateTimeOffset receivedAt, CaseEventData data) => new()
    {
        Id = id,
        Source = MailKeys.Source(_municipality),
        Type = type,
        Time = receivedAt,
        Subject = $"{MailKeys.SourceSystem}/{id}",
        Municipality = _municipality,
        DataClassification = classification,
        Data = data,
    };

    /// <summary>The known case the mail is about: the case of the receipt it answers, else a diarienummer in its subject.</summary>
    private async Task<Guid?> FindExistingCaseAsync(ReadMail mail, CancellationToken cancellationToken)
    {
        if (MailKeys.RepliedCase(mail) is { } replied && await cases.ResolveAsync(_municipality, replied, cancellationToken) is { } found)
        {
            return found;
        }

        foreach (var candidate in DiarienummerCandidate().Matches(mail.Subject).Select(m => m.Value).Distinct().Take(5))
        {
            if (await cases.FindByDiarienummerAsync(_municipality, candidate, cancellationToken) is { } byNumber)
            {
                return byNumber;
            }
        }

        return null;
    }

    private async Task<Attachment> StoreAsync(string name, string mediaType, byte[] content, CancellationToken cancellationToken)
    {
        var stored = await contents.PutAsync(content, mediaType, cancellationToken);
        return new Attachment(Clip(name, 255), mediaType, stored.Size, stored.Sha256, stored.Reference);
    }

    private static Correspondent? Correspondent(MailContact? contact) =>
        contact is null ? null : new Correspondent
        {
            Name = contact.Name is { Length: > 0 } name ? Clip(name, 300) : null,
            Email = MailboxAddress.TryParse(contact.Address, out _) && contact.Address.Contains('@', StringComparison.Ordinal) ? contact.Address : null,
            Organisation = contact.Name is { Length: > 0 } || contact.Address.Contains('@', StringComparison.Ordinal) ? null : Clip(contact.Address, 300),
        };

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    // "BN 2026/45", "SBN-2026/0012", "KS 2026/123", "2026-000347": series letters, a year, a running number.
    [GeneratedRegex(@"(?<![\p{L}\d])(?:\p{Lu}{1,10}[ -]?)?(?:19|20)\d{2}[/-]\d{1,6}(?!\d)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DiarienummerCandidate();
}
