namespace IntegrationHub.Delivery.Email;

/// <summary>
/// <c>Hub:Delivery:Email</c>: the SMTP server and the one message every citizen notification is. The templates know
/// only <c>{municipality}</c> (the municipality's name) and <c>{loginUrl}</c> (the subscription's login link), so no
/// case detail can reach an e-mail, which travels over channels the hub cannot protect.
/// </summary>
public sealed class EmailNotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Delivery:Email";

    /// <summary>The placeholders a template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["{municipality}", "{loginUrl}"];

    /// <summary>The SMTP server (a municipality's relay); without it, e-mail subscriptions cannot be created.</summary>
    public string? Host { get; set; }

    /// <summary>Its port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is protected.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>User name, when the server wants one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password (give it through <c>Hub__Delivery__Email__Password</c>, not a file).</summary>
    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>noreply@sundsvall.se</c>.</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name; <c>{municipality}</c> allowed.</summary>
    public string FromName { get; set; } = "{municipality}";

    /// <summary>The subject.</summary>
    public string Subject { get; set; } = "Det har hänt något nytt i ditt ärende hos {municipality}";

    /// <summary>The text.</summary>
    public string Body { get; set; } =
        """
        Hej!

        Det har hänt något nytt i ett av dina ärenden hos {municipality}.

        Logga in för att se vad som har hänt:
        {loginUrl}

        Av säkerhetsskäl står det inget om ärendet i det här meddelandet. Meddelandet går inte att svara på.
        Om du inte vill få de här meddelandena kan du stänga av dem när du har loggat in.
        """;

    /// <summary>Whether an SMTP server is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
