using System.Xml.Linq;

namespace IntegrationHub.Adapters.Fgs.Reading;

/// <summary>The FGS Ärendehantering namespace and the root element.</summary>
public static class FgsNames
{
    /// <summary>The namespace of FGS Ärendehantering (FGS-ERMS).</summary>
    public const string NamespaceUri = "http://xml.ra.se/e-arkiv/FGS-ERMS";

    /// <summary>The namespace as an <see cref="XNamespace"/>.</summary>
    public static XNamespace Ns { get; } = NamespaceUri;

    /// <summary>The root element's name.</summary>
    public const string Root = "Leveransobjekt";
}
