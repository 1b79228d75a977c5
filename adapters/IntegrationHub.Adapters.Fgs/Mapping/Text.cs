namespace IntegrationHub.Adapters.Fgs.Mapping;

/// <summary>Fits texts into the schema's lengths.</summary>
internal static class Text
{
    public static string Clip(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    public static string? ClipOrNull(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : Clip(value.Trim(), max);
}
