namespace IntegrationHub.Hub.Calendar;

/// <summary>A day off in the Swedish calendar.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">The Swedish name, e.g. "Långfredagen".</param>
/// <param name="IsEve">
/// True for midsommarafton, julafton and nyårsafton: not public holidays by law, but days that
/// municipalities (and collective agreements) treat as days off.
/// </param>
public sealed record SwedishHoliday(DateOnly Date, string Name, bool IsEve);
