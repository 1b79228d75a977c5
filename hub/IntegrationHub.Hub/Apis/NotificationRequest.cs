namespace IntegrationHub.Hub.Apis;

/// <summary>A citizen's choice about notification e-mail: <c>email</c> false opts out, true opts in again.</summary>
public sealed record NotificationRequest(bool? Email);
