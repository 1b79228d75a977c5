using System.Text;
using IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Client;

/// <summary>The platform's XML is read right whichever encoding it was written in.</summary>
public sealed class XmlTextTests
{
    private const string Body = "<Name><![CDATA[Anmälan om förändrad hämtning – Åre]]></Name>";

    [Fact]
    public void IsoLatin1Declaration_WinsOverAWrongHttpCharset()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Body.Replace("–", "-", StringComparison.Ordinal));

        var document = XmlText.Parse(bytes, "UTF-8");

        Assert.Equal("Anmälan om förändrad hämtning - Åre", document.Root!.Value);
    }

    [Fact]
    public void WithoutADeclaration_TheHttpCharsetDecides()
    {
        var bytes = Encoding.Latin1.GetBytes(Body.Replace("–", "-", StringComparison.Ordinal));

        Assert.Equal("Anmälan om förändrad hämtning - Åre", XmlText.Parse(bytes, "ISO-8859-1").Root!.Value);
    }

    [Fact]
    public void Utf8_WithABomOrWithoutAnything_IsReadAsUtf8()
    {
        var plain = Encoding.UTF8.GetBytes(Body);
        var withBom = Encoding.UTF8.GetPreamble().Concat(plain).ToArray();

        Assert.Equal("Anmälan om förändrad hämtning – Åre", XmlText.Parse(plain, null).Root!.Value);
        Assert.Equal("Anmälan om förändrad hämtning – Åre", XmlText.Parse(withBom, "ISO-8859-1").Root!.Value);
    }

    [Fact]
    public void Latin1BytesWithoutAnyDeclarationOrCharset_AreNotTurnedIntoReplacementCharacters()
    {
        var bytes = Encoding.Latin1.GetBytes("<Name>Sjöängen</Name>");

        Assert.Equal("Sjöängen", XmlText.Parse(bytes, null).Root!.Value);
    }
}
