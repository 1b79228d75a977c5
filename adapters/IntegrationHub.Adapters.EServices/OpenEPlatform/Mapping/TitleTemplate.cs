using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>Fills a family's Title template: {flow}, {id}, and {question} or {question/child} with the answers.</summary>
internal static partial class TitleTemplate
{
    public static string? Fill(string? template, FlowInstance instance)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }

        var filled = Placeholder().Replace(template, match => match.Groups["key"].Value switch
        {
            "flow" => instance.FlowName,
            "id" => instance.Id.ToString(CultureInfo.InvariantCulture),
            var key => QuestionLookup.Value(instance, key) ?? string.Empty,
        });
        // An unanswered question leaves a dangling separator ("Bygglov, ") behind.
        return TextLimits.Cut(Dangling().Replace(filled, string.Empty), 500);
    }

    [GeneratedRegex(@"\{(?<key>[^{}]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\s,;:–-]+$")]
    private static partial Regex Dangling();
}
