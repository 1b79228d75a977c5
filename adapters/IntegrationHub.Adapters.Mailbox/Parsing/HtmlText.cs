using System.Text;
using MimeKit.Text;

namespace IntegrationHub.Adapters.Mailbox.Parsing;

/// <summary>
/// Renders an HTML mail body as readable plain text: drops head, scripts and styles, decodes entities,
/// turns block elements and &lt;br&gt; into line breaks, collapses other whitespace, keeps &lt;pre&gt; as is,
/// writes list items as "- item" and adds the target of http(s) links after the link text.
/// </summary>
internal static class HtmlText
{
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var output = new Output();
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        var skipDepth = 0;
        var inHead = false;
        var preDepth = 0;
        var links = new Stack<(string? Href, int Start)>();

        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag:
                    HandleTag(tag);
                    break;
                case HtmlScriptDataToken:
                    break;
                case HtmlDataToken data when token.Kind is HtmlTokenKind.Data or HtmlTokenKind.CData:
                    if (skipDepth == 0 && !inHead)
                    {
                        output.Text(data.Data, preDepth > 0);
                    }

                    break;
            }
        }

        return output.Finish();

        void HandleTag(HtmlTagToken tag)
        {
            var id = tag.Id;
            if (IsSkipped(id))
            {
                if (!tag.IsEmptyElement)
                {
                    skipDepth = tag.IsEndTag ? Math.Max(0, skipDepth - 1) : skipDepth + 1;
                }

                return;
            }

            switch (id)
            {
                case HtmlTagId.Head:
                    inHead = !tag.IsEndTag && !tag.IsEmptyElement;
                    return;
                case HtmlTagId.Body:
                    inHead = false;
                    return;
            }

            if (skipDepth > 0 || inHead)
            {
                return;
            }

            switch (id)
            {
                case HtmlTagId.Br:
                    output.LineBreak();
                    break;
                case HtmlTagId.Pre or HtmlTagId.Xmp or HtmlTagId.Listing or HtmlTagId.PlainText:
                    output.Paragraph();
                    if (!tag.IsEmptyElement)
                    {
                        preDepth = tag.IsEndTag ? Math.Max(0, preDepth - 1) : preDepth + 1;
                    }

                    break;
                case HtmlTagId.LI:
                    output.Block();
                    if (!tag.IsEndTag)
                    {
                        output.Text("- ", preserve: true);
                    }

                    break;
                case HtmlTagId.TD or HtmlTagId.TH:
                    if (!tag.IsEndTag)
                    {
                        output.CellSeparator();
                    }

                    break;
                case HtmlTagId.A:
                    if (tag.IsEndTag)
                    {
                        if (links.Count > 0)
                        {
                            var (href, start) = links.Pop();
                            output.AppendLinkTarget(href, start);
                        }
                    }
                    else if (!tag.IsEmptyElement)
                    {
                        var href = tag.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value;
                        links.Push((href, output.Length));
                    }

                    break;
                default:
                    if (IsParagraph(id))
                    {
                        output.Paragraph();
                    }
                    else if (IsBlock(id))
                    {
                        output.Block();
                    }

                    break;
            }
        }
    }

    private static bool IsSkipped(HtmlTagId id) =>
        id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Title or HtmlTagId.NoScript
            or HtmlTagId.Xml or HtmlTagId.Object or HtmlTagId.Select or HtmlTagId.Applet;

    private static bool IsParagraph(HtmlTagId id) =>
        id is HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6
            or HtmlTagId.BlockQuote or HtmlTagId.Table or HtmlTagId.UL or HtmlTagId.OL or HtmlTagId.DL
            or HtmlTagId.HR or HtmlTagId.Address or HtmlTagId.Form;

    private static bool IsBlock(HtmlTagId id) =>
        id is HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.DT or HtmlTagId.DD or HtmlTagId.Center
            or HtmlTagId.Caption or HtmlTagId.FieldSet or HtmlTagId.Legend or HtmlTagId.THead or HtmlTagId.TBody
            or HtmlTagId.Tfoot or HtmlTagId.Dir or HtmlTagId.Menu || IsHtml5Block(id);

    // HTML5 sectioning elements.
    private static bool IsHtml5Block(HtmlTagId id) =>
        id is HtmlTagId.Section or HtmlTagId.Article or HtmlTagId.Header or HtmlTagId.Footer or HtmlTagId.Nav
            or HtmlTagId.Aside or HtmlTagId.Main or HtmlTagId.Figure or HtmlTagId.FigCaption;

    private sealed class Output
    {
        private readonly StringBuilder builder = new();
        private int pendingNewLines;
        private bool pendingSpace;
        private string pendingSeparator = " ";

        public int Length => builder.Length;

        public void Text(string text, bool preserve)
        {
            foreach (var c in text)
            {
                if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
                {
                    continue; // soft hyphen and zero-width characters
                }

                if (preserve)
                {
                    if (c == '\r')
                    {
                        continue;
                    }

                    Flush();
                    builder.Append(c == '\u00A0' ? ' ' : c);
                }
                else if (char.IsWhiteSpace(c))
                {
                    pendingSpace = true;
                }
                else
                {
                    Flush();
                    builder.Append(c);
                }
            }
        }

        public void LineBreak()
        {
            pendingNewLines = Math.Min(pendingNewLines + 1, 2);
            pendingSpace = false;
        }

        public void Block()
        {
            pendingNewLines = Math.Max(pendingNewLines, 1);
            pendingSpace = false;
        }

        public void Paragraph()
        {
            pendingNewLines = 2;
            pendingSpace = false;
        }

        public void CellSeparator()
        {
            if (builder.Length > 0 && builder[^1] != '\n' && pendingNewLines == 0)
            {
                pendingSpace = true;
                pendingSeparator = "\t";
            }
        }

        public void AppendLinkTarget(string? href, int start)
        {
            if (href is null
                || !(href.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                     || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            var target = href.Trim();
            var linkText = builder.ToString(start, builder.Length - start);
            var bare = target[(target.IndexOf("//", StringComparison.Ordinal) + 2)..].TrimEnd('/');
            if (linkText.Length == 0 || linkText.Contains(bare, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            pendingSpace = true;
            Text("<" + target + ">", preserve: true);
        }

        public string Finish()
        {
            var lines = builder.ToString().Split('\n');
            var result = new StringBuilder(builder.Length);
            var blank = 0;
            foreach (var raw in lines)
            {
                var line = raw.TrimEnd(' ', '\t');
                if (line.Length == 0)
                {
                    blank++;
                    continue;
                }

                if (result.Length > 0)
                {
                    result.Append('\n', Math.Min(blank, 1) + 1);
                }

                blank = 0;
                result.Append(line);
            }

            return result.ToString();
        }

        private void Flush()
        {
            if (builder.Length == 0)
            {
                pendingNewLines = 0;
                pendingSpace = false;
                return;
            }

            if (pendingNewLines > 0)
            {
                var existing = 0;
                for (var i = builder.Length - 1; i >= 0 && builder[i] == '\n'; i--)
                {
                    existing++;
                }

                builder.Append('\n', Math.Max(0, pendingNewLines - existing));
            }
            else if (pendingSpace && builder[^1] != '\n' && builder[^1] != ' ')
            {
                builder.Append(pendingSeparator);
            }

            pendingNewLines = 0;
            pendingSpace = false;
            pendingSeparator = " ";
        }
    }
}
