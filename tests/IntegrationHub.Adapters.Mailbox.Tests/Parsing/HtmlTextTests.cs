using IntegrationHub.Adapters.Mailbox.Parsing;
using Xunit;

namespace IntegrationHub.Adapters.Mailbox.Tests.Parsing;

public class HtmlTextTests
{
    [Fact]
    public void Scripts_styles_head_and_comments_are_dropped()
    {
        var text = HtmlText.ToPlainText(
            "<html><head><title>Rubrik</title><style>p{color:red}</style><script>var x = '<p>hej</p>';</script></head>" +
            "<body><!-- dold --><p>Synligt</p><script>alert('nej')</script><noscript>ingen js</noscript></body></html>");

        Assert.Equal("Synligt", text);
    }

    [Fact]
    public void Entities_are_decoded_and_whitespace_collapsed()
    {
        var text = HtmlText.ToPlainText("<p>Fr&aring;n   &amp;\n  till&nbsp;G&ouml;teborg &#8211; &#x263A; &lt;ok&gt;</p>");

        Assert.Equal("Från & till Göteborg – ☺ <ok>", text);
    }

    [Fact]
    public void Paragraphs_breaks_and_divs_become_line_breaks()
    {
        var text = HtmlText.ToPlainText("<div>Hej,</div><div><br></div><p>Rad ett<br>Rad två</p><p>Sista</p><h1>Rubrik</h1>text");

        Assert.Equal("Hej,\n\nRad ett\nRad två\n\nSista\n\nRubrik\n\ntext", text);
    }

    [Fact]
    public void Pre_keeps_its_whitespace()
    {
        var text = HtmlText.ToPlainText("<p>Tabell:</p><pre>Namn    Tid\nAnna    08:00</pre>");

        Assert.Equal("Tabell:\n\nNamn    Tid\nAnna    08:00", text);
    }

    [Fact]
    public void Lists_tables_and_links()
    {
        var text = HtmlText.ToPlainText(
            "<ul><li>ett</li><li>två</li></ul>" +
            "<table><tr><td>Gata</td><td>Plogad</td></tr><tr><td>Granstigen</td><td>nej</td></tr></table>" +
            "<p>Läs <a href=\"https://www.example.org/snö\">mer här</a> eller på <a href=\"https://example.org\">example.org</a>" +
            " eller <a href=\"mailto:a@example.org\">mejla</a>.</p>");

        Assert.Equal(
            "- ett\n- två\n\nGata\tPlogad\nGranstigen\tnej\n\nLäs mer här <https://www.example.org/snö> eller på example.org eller mejla.",
            text);
    }

    [Fact]
    public void Unclosed_head_does_not_swallow_the_body()
    {
        Assert.Equal("Innehåll", HtmlText.ToPlainText("<html><head><meta charset=utf-8><body>Innehåll"));
    }

    [Fact]
    public void Empty_html_gives_empty_text()
    {
        Assert.Equal(string.Empty, HtmlText.ToPlainText("<html><body><p>&nbsp;</p></body></html>"));
    }
}
