namespace IntegrationHub.Store.Diary;

/// <summary>What a diary registration records.</summary>
public enum RegistrationKind
{
    /// <summary>The case itself (ärendet registreras och får sitt diarienummer).</summary>
    Case,
    /// <summary>A document (handling) in the case, with its löpnummer.</summary>
    Document,
}
