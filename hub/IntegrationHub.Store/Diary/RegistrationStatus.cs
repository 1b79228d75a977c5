namespace IntegrationHub.Store.Diary;

/// <summary>Whether a registration stands. Registrations are never deleted, only annulled with a reason.</summary>
public enum RegistrationStatus
{
    /// <summary>The registration stands.</summary>
    Active,
    /// <summary>Annulled (makulerad), e.g. a document of trivial importance (ringa betydelse); still listed, marked.</summary>
    Annulled,
}
