using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Platina.Contract;
using IntegrationHub.Adapters.Platina.Mapping;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Platina.Outbound;

/// <summary>A hub document as <c>POST /cases/{id}/documents</c> takes it, files read from the hub's content store.</summary>
internal static class DocumentUpload
{
    /// <summary>
    /// The document's external id in Platina, stable across redeliveries: the source's document id, else its first
    /// file's SHA-256, else a hash of direction, title and date.
    /// </summary>
    public static string Key(Document document)
    {
        if (!string.IsNullOrWhiteSpace(document.DocumentId))
        {
            return document.DocumentId;
        }

        if (document.Attachments is [var first, ..])
        {
            return first.Sha256;
        }

        var identity = string.Join('|', document.Direction.ToString(), document.Title, document.Date.ToString("O", CultureInfo.InvariantCulture));
        return "hub-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..40];
    }

    public static async Task<NewPlatinaDocument> CreateAsync(Document document, IContentStore contents, CancellationToken cancellationToken)
    {
        var files = new List<NewPlatinaFile>();
        foreach (var attachment in document.Attachments ?? [])
        {
            var blob = await contents.GetAsync(attachment.Sha256, cancellationToken)
                ?? throw new MissingContentException($"File {attachment.Sha256} of document {Key(document)} is not in the hub's content store.");
            files.Add(new NewPlatinaFile(attachment.Name, attachment.MediaType, blob.Content.Length, blob.Sha256, Convert.ToBase64String(blob.Content.Span)));
        }

        return new NewPlatinaDocument(Key(document), document.Title, document.DocumentType, CanonicalNames.ContractDirection(document.Direction), document.Date, files);
    }
}
