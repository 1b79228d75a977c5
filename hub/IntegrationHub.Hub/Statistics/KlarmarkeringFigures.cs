namespace IntegrationHub.Hub.Statistics;

/// <summary>Forwards (vidarebefordran) with retained follow-up whose receiver has not sent the klarmarkering.</summary>
/// <param name="Overdue">Past the forward's due date.</param>
/// <param name="Waiting">Not past a due date (or without one).</param>
public sealed record KlarmarkeringFigures(int Overdue, int Waiting);
