using System.Globalization;
using IntegrationHub.Adapters.Mailbox.Parsing;

namespace IntegrationHub.Adapters.Mailbox;

/// <summary>The route a mail took and why, in words for the registrator.</summary>
internal sealed record RoutingDecision(MailRoute Route, string Explanation);

/// <summary>Applies a mailbox's routing rules: the first rule with a matching condition wins; otherwise the mailbox's default.</summary>
internal static class MailRouter
{
    public static RoutingDecision Route(MailboxOptions options, ReadMail mail)
    {
        foreach (var rule in options.Routing)
        {
            if (Match(rule, mail) is { } why)
            {
                return new RoutingDecision(rule, $"rule '{rule.Name}': {why}");
            }
        }

        return new RoutingDecision(options.Defaults, "the mailbox's default");
    }

    private static string? Match(MailRoutingRule rule, ReadMail mail)
    {
        var recipients = mail.To.Concat(mail.Cc).Select(c => c.Address).ToList();
        if (rule.Recipients.FirstOrDefault(r => recipients.Contains(r, StringComparer.OrdinalIgnoreCase)) is { } recipient)
        {
            return $"recipient {recipient.ToLowerInvariant()}";
        }

        // A sender's domain is not personal data on its own; the address is not shown.
        if (mail.From?.Address is { } from && from.LastIndexOf('@') is var at and > 0)
        {
            var domain = from[(at + 1)..];
            if (rule.SenderDomains.FirstOrDefault(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase)) is { } matched)
            {
                return $"sender domain {matched.ToLowerInvariant()}";
            }
        }

        if (FirstWord(rule.SubjectKeywords, mail.Subject) is { } subjectWord)
        {
            return $"subject keyword '{subjectWord}'";
        }

        return FirstWord(rule.BodyKeywords, mail.BodyText) is { } bodyWord ? $"body keyword '{bodyWord}'" : null;
    }

    /// <summary>The first keyword the text contains (case- and culture-insensitively, so "BYGGLOV" and "Bygglov" match).</summary>
    public static string? FirstWord(IEnumerable<string> keywords, string text) =>
        keywords.FirstOrDefault(k => k.Length > 0 && CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, k, CompareOptions.IgnoreCase) >= 0);
}
