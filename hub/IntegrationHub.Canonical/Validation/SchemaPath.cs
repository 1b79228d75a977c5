using System.Text;
using NJsonSchema.Validation;
using SchemaError = NJsonSchema.Validation.ValidationError;

namespace IntegrationHub.Canonical.Validation;

/// <summary>
/// Converts NJsonSchema error paths (<c>#/data.parties[0].identity</c>, Newtonsoft-style, with
/// <c>['odd name']</c> for names that need quoting) into RFC 6901 JSON pointers.
/// </summary>
internal static class SchemaPath
{
    /// <summary>
    /// The pointer an error is about. For <c>required</c> and <c>additionalProperties</c> errors this is the
    /// missing or extra property itself; the property name is taken verbatim from the error, so names with
    /// dots or brackets survive.
    /// </summary>
    public static string ToPointer(SchemaError error)
    {
        var path = StripHash(error.Path);
        if (error.Kind is ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed
            && error.Property is { Length: > 0 } name)
        {
            if (path == name)
            {
                return JsonPointer.Append(string.Empty, name);
            }

            if (path.EndsWith("." + name, StringComparison.Ordinal))
            {
                return JsonPointer.Append(Parse(path[..^(name.Length + 1)]), name);
            }
        }

        return Parse(path);
    }

    private static string StripHash(string? path) => path switch
    {
        null or "#" => string.Empty,
        _ when path.StartsWith("#/", StringComparison.Ordinal) => path[2..],
        _ => path.TrimStart('#'),
    };

    /// <summary>Parses a Newtonsoft JSON path such as <c>data.parties[0]['odd.name']</c>.</summary>
    public static string Parse(string path)
    {
        var pointer = new StringBuilder();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var name = new StringBuilder();
                i += 2;
                while (i < path.Length && !(path[i] == '\'' && i + 1 < path.Length && path[i + 1] == ']'))
                {
                    if (path[i] == '\\' && i + 1 < path.Length)
                    {
                        i++;
                    }

                    name.Append(path[i]);
                    i++;
                }

                i += 2;
                pointer.Append(JsonPointer.Append(string.Empty, name.ToString()));
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                end = end < 0 ? path.Length : end;
                pointer.Append('/').Append(path, i + 1, end - i - 1);
                i = end + 1;
            }
            else
            {
                var end = i;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                pointer.Append(JsonPointer.Append(string.Empty, path[i..end]));
                i = end;
            }
        }

        return pointer.ToString();
    }
}
