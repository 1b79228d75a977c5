namespace IntegrationHub.Adapters.Mailbox;

/// <summary>
/// One function mailbox (funktionsbrevlåda): <c>Adapters:Mailbox:{name}</c>, e.g. <c>Adapters:Mailbox:kommunen</c>.
/// Secrets (passwords, client secrets) come from environment variables or files, never from committed settings.
/// </summary>
public sealed class MailboxOptions
{
    /// <summary>The configuration section holding one entry per mailbox.</summary>
    public const string Section = "Adapters:Mailbox";

    /// <summary>Kommunkod of the municipality the mailbox belongs to.</summary>
    public string? Municipality { get; set; }

    /// <summary>The mailbox's own address, e.g. kommunen@exempelkommun.se (shown as "received via"; never sent a receipt).</summary>
    public string? Address { get; set; }

    /// <summary>False to configure a mailbox without starting it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The IMAP server and login.</summary>
    public MailServerOptions Imap { get; set; } = new() { Port = 993 };

    /// <summary>Folder names.</summary>
    public MailboxFolders Folders { get; set; } = new();

    /// <summary>Check for new mail this often when the server has no IMAP IDLE.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Renew IDLE this often (servers drop idle connections after 30 minutes; RFC 2177 suggests under 29).</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);

    /// <summary>Wait at most this long before reconnecting after the server went away (the wait doubles from 1 s up to it).</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Mail larger than this is registered with the original only (no parts) and flagged for review.</summary>
    public long MaxMessageBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Where unmatched mail goes.</summary>
    public MailRoute Defaults { get; set; } = new();

    /// <summary>Routing rules, first match wins.</summary>
    public List<MailRoutingRule> Routing { get; set; } = [];

    /// <summary>Words that suggest secrecy (OSL): mail containing one is classified restricted and flagged.</summary>
    public List<string> SecrecyKeywords { get; set; } = [.. DefaultSecrecyKeywords];

    /// <summary>The mottagningskvittens to senders.</summary>
    public ReceiptOptions Receipts { get; set; } = new();

    /// <summary>Words that commonly signal secrecy in mail to a municipality.</summary>
    public static IReadOnlyList<string> DefaultSecrecyKeywords { get; } =
        ["sekretess", "skyddad identitet", "skyddade personuppgifter", "orosanmälan", "orosanmälningar", "hot om våld", "våld i nära relation"];
}

/// <summary>An IMAP or SMTP server and how to log in.</summary>
public sealed class MailServerOptions
{
    /// <summary>Host name.</summary>
    public string? Host { get; set; }

    /// <summary>Port (IMAP 993 with TLS, 143 with STARTTLS; SMTP 587 or 465).</summary>
    public int Port { get; set; }

    /// <summary>TLS mode.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    /// <summary>Login name; empty for an SMTP relay without authentication.</summary>
    public string? Username { get; set; }

    /// <summary>Password (set it from an environment variable, e.g. <c>Adapters__Mailbox__kommunen__Imap__Password</c>).</summary>
    public string? Password { get; set; }

    /// <summary>Or: a file holding the password (e.g. a mounted secret).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Or: OAuth2 (XOAUTH2) with a token from a client-credentials token endpoint, as Exchange Online requires.</summary>
    public OAuth2Options? OAuth2 { get; set; }

    /// <summary>Seconds for connecting and each command.</summary>
    public int TimeoutSeconds { get; set; } = 60;
}

/// <summary>TLS mode of a mail server connection.</summary>
public enum MailSecurity
{
    /// <summary>TLS on connect for ports 993/465, STARTTLS when offered otherwise.</summary>
    Auto,
    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465).</summary>
    SslOnConnect,
    /// <summary>STARTTLS, required.</summary>
    StartTls,
    /// <summary>No TLS (only for a server on loopback or in a closed network).</summary>
    None,
}

/// <summary>OAuth2 client credentials for XOAUTH2 (e.g. Microsoft Entra for Exchange Online).</summary>
public sealed class OAuth2Options
{
    /// <summary>The token endpoint, e.g. https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The application (client) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (from an environment variable or <see cref="ClientSecretFile"/>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Or: a file holding the client secret.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>The scope, e.g. https://outlook.office365.com/.default.</summary>
    public string Scope { get; set; } = "https://outlook.office365.com/.default";
}

/// <summary>The mailbox's folders.</summary>
public sealed class MailboxFolders
{
    /// <summary>Where new mail arrives.</summary>
    public string Inbox { get; set; } = "INBOX";

    /// <summary>Where registered mail is moved (created when missing).</summary>
    public string Processed { get; set; } = "Registrerat";

    /// <summary>Where mail that could not be read is moved, after it was registered for review (created when missing).</summary>
    public string Review { get; set; } = "Granska";
}

/// <summary>Where mail goes: case type and unit (the case type's diary in <c>Hub:Municipalities</c> registers it).</summary>
public class MailRoute
{
    /// <summary>Case type key, e.g. bygglov.</summary>
    public string? CaseType { get; set; }

    /// <summary>Unit id, e.g. bygglov.</summary>
    public string? Unit { get; set; }

    /// <summary>Unit name, e.g. Bygglovsenheten.</summary>
    public string? UnitName { get; set; }
}

/// <summary>A routing rule: matches when any of its conditions holds (recipient, sender domain, subject or body keyword).</summary>
public sealed class MailRoutingRule : MailRoute
{
    /// <summary>A name shown in the registrator's inbox, e.g. bygglov.</summary>
    public string? Name { get; set; }

    /// <summary>Recipient addresses (To or Cc), e.g. bygglov@exempelkommun.se.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>Sender domains, e.g. lansstyrelsen.se (subdomains match too).</summary>
    public List<string> SenderDomains { get; set; } = [];

    /// <summary>Words in the subject (case-insensitive).</summary>
    public List<string> SubjectKeywords { get; set; } = [];

    /// <summary>Words in the body (case-insensitive).</summary>
    public List<string> BodyKeywords { get; set; } = [];
}

/// <summary>The mottagningskvittens (receipt) sent to the sender once the mail has its diarienummer.</summary>
public sealed class ReceiptOptions
{
    /// <summary>Send receipts.</summary>
    public bool Enabled { get; set; }

    /// <summary>The receipt's sender, e.g. diariet@exempelkommun.se (mail from it is never answered).</summary>
    public string? From { get; set; }

    /// <summary>The sender's display name, e.g. Exempelkommun, registraturen.</summary>
    public string? FromName { get; set; }

    /// <summary>At most one receipt per sender address in this interval.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The SMTP server.</summary>
    public MailServerOptions Smtp { get; set; } = new() { Port = 587 };

    /// <summary>Sender local parts that never get a receipt (<c>*</c> as wildcard); defaults cover noreply, mailer-daemon and the like.</summary>
    public List<string> NoReplyPatterns { get; set; } = [];

    /// <summary>Other addresses of the municipality's own that never get a receipt.</summary>
    public List<string> OwnAddresses { get; set; } = [];
}
