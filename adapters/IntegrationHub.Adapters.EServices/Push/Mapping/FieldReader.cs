using IntegrationHub.Adapters.EServices.Push.Reading;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>Reads one field's text through its configured path and collects problems that name field, path and rule, never the value.</summary>
internal sealed class FieldReader(CompiledMapping paths)
{
    private readonly List<PushSubmissionProblem> _problems = [];

    public IReadOnlyList<PushSubmissionProblem> Problems => _problems;

    /// <summary>The first non-null value the field's path selects, as trimmed text; a structure or boolean is a type problem.</summary>
    public string? Text(string field, PayloadValue context, string? shownAs = null)
    {
        if (paths[field] is not { } path)
        {
            return null;
        }

        var value = path.Select(context).FirstOrDefault(v => v.Kind != PayloadKind.Null);
        if (value is null)
        {
            return null;
        }

        if (value.Kind is PayloadKind.Structure or PayloadKind.Boolean)
        {
            Problem(field, PushRules.Type, "must select text or a number, not an object, array, element with children or boolean", shownAs);
            return null;
        }

        var text = value.Text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public void Problem(string field, string rule, string message, string? shownAs = null)
    {
        var path = paths[field]?.Expression;
        var name = shownAs ?? field;
        _problems.Add(new PushSubmissionProblem(name, path, rule,
            path is null ? $"{name} {message} (rule {rule})." : $"{name} (Mapping:{field} = {path}) {message} (rule {rule})."));
    }
}
