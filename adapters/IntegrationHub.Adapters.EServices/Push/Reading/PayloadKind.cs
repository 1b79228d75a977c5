namespace IntegrationHub.Adapters.EServices.Push.Reading;

/// <summary>What a selected value is, so a field expecting text can say "wrong type" instead of guessing.</summary>
internal enum PayloadKind
{
    /// <summary>A string or number (JSON), text or an attribute (XML), or a string/number XPath result.</summary>
    Text,
    /// <summary>An object or array (JSON), an element with child elements or the document (XML).</summary>
    Structure,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>JSON null, or an XPath number that is NaN.</summary>
    Null,
}
