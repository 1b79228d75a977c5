using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IntegrationHub.Adapters.EServices.Push.Reading;

/// <summary>
/// A small JSONPath subset over System.Text.Json, written here because no JSONPath package is served by the project's
/// NuGet mirror (JsonPath.Net is not; Json.More.Net has no paths). Grammar: <c>$</c> (or <c>@</c>, the same: the
/// document, or inside an attachment the attachment) followed by steps <c>.name</c>, <c>['name']</c> or <c>["name"]</c>
/// (any characters; <c>\'</c>, <c>\"</c>, <c>\\</c> escape), <c>[0]</c> (array index), <c>[*]</c> or <c>.*</c> (every
/// element or member). No filters, slices, unions or recursive descent: mappings do not need them and each is a way to
/// write a path that silently picks the wrong value.
/// </summary>
internal sealed class JsonPath : FieldPath
{
    private readonly Step[] _steps;

    private JsonPath(string expression, Step[] steps)
        : base(expression) => _steps = steps;

    public static bool TryParse(string? expression, out JsonPath? path, out string error)
    {
        path = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(expression) || (expression[0] != '$' && expression[0] != '@'))
        {
            error = "must start with $ (e.g. $.applicant.name)";
            return false;
        }

        var steps = new List<Step>();
        var i = 1;
        while (i < expression.Length)
        {
            var step = expression[i] switch
            {
                '.' => Dot(expression, ref i, out error),
                '[' => Bracket(expression, ref i, out error),
                _ => Fail($"has '{expression[i]}' at position {Position(i)} where '.' or '[' was expected", out error),
            };
            if (step is null)
            {
                return false;
            }

            steps.Add(step);
        }

        path = new JsonPath(expression, [.. steps]);
        return true;
    }

    public override IReadOnlyList<PayloadValue> Select(PayloadValue context)
    {
        IEnumerable<JsonElement> current = [context.Json];
        foreach (var step in _steps)
        {
            current = current.SelectMany(step.Apply);
        }

        return [.. current.Select(PayloadValue.FromJson)];
    }

    private static Step? Dot(string text, ref int i, out string error)
    {
        error = string.Empty;
        i++;
        if (i < text.Length && text[i] == '*')
        {
            i++;
            return new Step(null, null);
        }

        var start = i;
        while (i < text.Length && text[i] is not ('.' or '[' or ']' or '\'' or '"') && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i == start ? Fail($"has no name after the '.' at position {Position(start - 1)}", out error) : new Step(text[start..i], null);
    }

    private static Step? Bracket(string text, ref int i, out string error)
    {
        error = string.Empty;
        var open = i++;
        if (i + 1 < text.Length && text[i] == '*' && text[i + 1] == ']')
        {
            i += 2;
            return new Step(null, null);
        }

        if (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] == ']' && int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                i++;
                return new Step(null, index);
            }

            return Fail($"has a bad array index in the '[' at position {Position(open)}: write [0], [1] … or [*]", out error);
        }

        if (i < text.Length && text[i] is '\'' or '"')
        {
            var quote = text[i++];
            var name = new StringBuilder();
            while (i < text.Length && text[i] != quote)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                name.Append(text[i++]);
            }

            if (i + 1 < text.Length && text[i] == quote && text[i + 1] == ']')
            {
                i += 2;
                return new Step(name.ToString(), null);
            }

            return Fail($"has an unclosed quoted name in the '[' at position {Position(open)}", out error);
        }

        return Fail($"has a '[' at position {Position(open)} that is not [n], [*] or ['name']", out error);
    }

    private static Step? Fail(string message, out string error)
    {
        error = message;
        return null;
    }

    private static string Position(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>One step: a member name, an array index, or (both null) every element or member.</summary>
    private sealed record Step(string? Name, int? Index)
    {
        public IEnumerable<JsonElement> Apply(JsonElement element)
        {
            if (Name is not null)
            {
                return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(Name, out var child) ? [child] : [];
            }

            if (Index is { } index)
            {
                return element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength() ? [element[index]] : [];
            }

            return element.ValueKind switch
            {
                JsonValueKind.Array => element.EnumerateArray(),
                JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
                _ => [],
            };
        }
    }
}
