using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using IntegrationHub.Adapters.Fgs.Model;

namespace IntegrationHub.Adapters.Fgs.Reading;

/// <summary>
/// An element of the file being read, with its path and line, so every rule it checks can say exactly where it broke.
/// Only children in the FGS namespace count; anything else (TillkommandeXMLdata, other schemas) is ignored.
/// </summary>
internal sealed class FgsNode(XElement element, string path, string fileName)
{
    public string Path { get; } = path;

    public FgsLocation Location => new(Line(element), Position(element), Path);

    public FgsFormatException Error(string code, string rule) => new(fileName, Line(element), Position(element), Path, code, rule);

    /// <summary>An error at another element read earlier (e.g. the second of two cases with one ArkivobjektID).</summary>
    public FgsFormatException ErrorAt(FgsLocation location, string subPath, string code, string rule) =>
        new(fileName, location.Line, location.Position, location.Path + subPath, code, rule);

    /// <summary>The child, or null; an error when it appears more than once.</summary>
    public FgsNode? Single(string name)
    {
        FgsNode? found = null;
        foreach (var child in element.Elements(FgsNames.Ns + name))
        {
            var node = new FgsNode(child, $"{Path}/{name}", fileName);
            if (found is not null)
            {
                throw node.Error(FgsErrorCodes.Duplicate, $"{name} may appear only once here");
            }

            found = node;
        }

        return found;
    }

    /// <summary>Every child of that name, each with its 1-based index in the path.</summary>
    public IEnumerable<FgsNode> Many(string name) =>
        element.Elements(FgsNames.Ns + name).Select((child, i) => new FgsNode(child, $"{Path}/{name}[{(i + 1).ToString(CultureInfo.InvariantCulture)}]", fileName));

    /// <summary>The element's own text, trimmed and in composed form (exports differ in how they write å, ä, ö).</summary>
    public string Value => element.Value.Trim().Normalize(NormalizationForm.FormC);

    public string Required(string name)
    {
        var child = Single(name) ?? throw Missing(name);
        return child.Value.Length > 0 ? child.Value : throw child.Error(FgsErrorCodes.Empty, $"{name} must not be empty");
    }

    public FgsFormatException Missing(string name) =>
        new(fileName, Line(element), Position(element), $"{Path}/{name}", FgsErrorCodes.Required, $"required element {name} is missing");

    public string? Text(string name) => Single(name)?.Value is { Length: > 0 } text ? text : null;

    public IReadOnlyList<string> Texts(string name) => [.. Many(name).Select(n => n.Value).Where(v => v.Length > 0)];

    public FgsDate? Date(string name) => Single(name)?.AsDate();

    public IReadOnlyList<FgsDate> Dates(string name) => [.. Many(name).Select(n => n.AsDate())];

    public FgsDate AsDate() =>
        FgsDate.TryParse(Value, out var date) ? date! : throw Error(FgsErrorCodes.Date, $"'{Value}' is not a date of the form {FgsDate.Formats}");

    public int? Int(string name)
    {
        var child = Single(name);
        if (child is null)
        {
            return null;
        }

        return int.TryParse(child.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw child.Error(FgsErrorCodes.Number, $"'{child.Value}' is not a whole number");
    }

    public bool? Bool(string name) => Single(name) is { } child ? child.AsBool(child.Value) : null;

    public string? Attribute(string name) => element.Attribute(name)?.Value.Trim().Normalize(NormalizationForm.FormC) is { Length: > 0 } value ? value : null;

    public string RequiredAttribute(string name) =>
        Attribute(name) ?? throw AttributeError(name, FgsErrorCodes.Required, $"required attribute {name} is missing or empty");

    public long? LongAttribute(string name)
    {
        var text = Attribute(name);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw AttributeError(name, FgsErrorCodes.Number, $"'{text}' is not a whole number of bytes");
    }

    public bool? BoolAttribute(string name) => Attribute(name) is { } text ? AsBool(text, name) : null;

    public FgsFormatException AttributeError(string name, string code, string rule) =>
        new(fileName, Line(element), Position(element), $"{Path}/@{name}", code, rule);

    /// <summary>The value, which must be one of <paramref name="allowed"/> (compared without regard to case).</summary>
    public T OneOf<T>(string value, IReadOnlyDictionary<string, T> allowed, string? attribute = null)
    {
        if (allowed.TryGetValue(value, out var found))
        {
            return found;
        }

        var rule = $"'{value}' is not one of {string.Join(", ", allowed.Keys.Distinct(StringComparer.OrdinalIgnoreCase))}";
        throw attribute is null ? Error(FgsErrorCodes.Enumeration, rule) : AttributeError(attribute, FgsErrorCodes.Enumeration, rule);
    }

    private bool AsBool(string text, string? attribute = null) => text switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw (attribute is null
            ? Error(FgsErrorCodes.Boolean, $"'{text}' is not true or false")
            : AttributeError(attribute, FgsErrorCodes.Boolean, $"'{text}' is not true or false")),
    };

    private static int Line(XElement e) => ((IXmlLineInfo)e).HasLineInfo() ? ((IXmlLineInfo)e).LineNumber : 0;

    private static int Position(XElement e) => ((IXmlLineInfo)e).HasLineInfo() ? ((IXmlLineInfo)e).LinePosition : 0;
}
