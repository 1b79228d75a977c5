namespace IntegrationHub.Adapters.EServices.Push;

/// <summary>The body format a platform pushes.</summary>
public enum PushFormat
{
    /// <summary>JSON (<c>application/json</c> or <c>…+json</c>), mapped with the JSONPath subset.</summary>
    Json,
    /// <summary>XML (<c>application/xml</c>, <c>text/xml</c> or <c>…+xml</c>), mapped with XPath 1.0.</summary>
    Xml,
}
