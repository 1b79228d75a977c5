namespace IntegrationHub.Hub.Statistics;

/// <summary>The figures of a set of cases for a period.</summary>
/// <param name="Opened">Cases opened in the period (the <c>opened</c> event, else the case's first event).</param>
/// <param name="Closed">Cases whose last <c>closed</c> event, not followed by <c>reopened</c>, falls in the period.</param>
/// <param name="Backlog">Cases open at the end of the period (ärendebalans).</param>
/// <param name="HandlingTime">Handling times of the cases closed in the period, paused time excluded.</param>
/// <param name="ServicePromises">Servicelöften of the cases opened in the period whose case type has one.</param>
/// <param name="OverdueReferrals">Remisser past their due date and not answered, as of the report's <c>asOf</c>.</param>
/// <param name="MissingKlarmarkering">Forwards with retained follow-up still waiting for their klarmarkering, as of <c>asOf</c>.</param>
public sealed record StatisticsFigures(
    int Opened,
    int Closed,
    int Backlog,
    HandlingTimeFigures HandlingTime,
    ServicePromiseFigures ServicePromises,
    int OverdueReferrals,
    KlarmarkeringFigures MissingKlarmarkering);
