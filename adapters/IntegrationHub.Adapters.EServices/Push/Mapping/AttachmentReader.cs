using System.Globalization;
using IntegrationHub.Adapters.EServices.Push.Reading;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>Reads the attachments: one node per attachment, each with a file name and base64 content relative to it.</summary>
internal sealed class AttachmentReader(FieldReader fields, CompiledMapping paths)
{
    public List<SubmittedFile> Read(PayloadValue root)
    {
        var files = new List<SubmittedFile>();
        if (paths[nameof(PushFieldMapping.Attachments)] is not { } path)
        {
            return files;
        }

        var items = path.Select(root);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"Attachments[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (items[i].Kind == PayloadKind.Null)
            {
                continue;
            }

            if (items[i].Kind != PayloadKind.Structure)
            {
                fields.Problem(nameof(PushFieldMapping.Attachments), PushRules.Type, $"must select objects (elements) holding a name and content, but item {i.ToString(CultureInfo.InvariantCulture)} is not one", at);
                continue;
            }

            var name = PushKeys.Cut(FileName(fields.Text(nameof(PushFieldMapping.AttachmentName), items[i], at + ".Name")), 255);
            if (name is null)
            {
                fields.Problem(nameof(PushFieldMapping.AttachmentName), PushRules.Required, "is required for every attachment (its file name)", at + ".Name");
            }

            var content = fields.Text(nameof(PushFieldMapping.AttachmentContent), items[i], at + ".Content");
            byte[]? bytes = null;
            if (content is null)
            {
                fields.Problem(nameof(PushFieldMapping.AttachmentContent), PushRules.Required, "is required for every attachment (its content in base64; links are not fetched)", at + ".Content");
            }
            else
            {
                try
                {
                    bytes = Convert.FromBase64String(content);
                }
                catch (FormatException)
                {
                    fields.Problem(nameof(PushFieldMapping.AttachmentContent), PushRules.Base64, "must be the file's content in base64", at + ".Content");
                }
            }

            if (name is not null && bytes is not null)
            {
                files.Add(new SubmittedFile(name, PushMediaTypes.For(fields.Text(nameof(PushFieldMapping.AttachmentMediaType), items[i], at + ".MediaType"), name), bytes));
            }
        }

        return files;
    }

    private static string? FileName(string? raw)
    {
        var line = PushKeys.Line(raw);
        var name = line?[(line.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return string.IsNullOrEmpty(name) ? null : name;
    }
}
