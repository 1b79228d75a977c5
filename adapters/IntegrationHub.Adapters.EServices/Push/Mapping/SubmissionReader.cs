using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.EServices.Push.Reading;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.EServices.Push.Mapping;

/// <summary>
/// Reads the canonical fields out of a parsed payload and checks each one, collecting every problem (so a platform team
/// sees them all at once). Problems name the field, the configured path and the rule, never the value.
/// </summary>
internal sealed partial class SubmissionReader(PushInstance instance, DateTimeOffset receivedAt)
{
    private readonly FieldReader _fields = new(instance.Mapping);
    private readonly PushSubmissionOptions _options = instance.Options;

    public IReadOnlyList<PushSubmissionProblem> Problems => _fields.Problems;

    /// <summary>The submission, or null with <see cref="Problems"/> saying why.</summary>
    public Submission? Read(PayloadValue root)
    {
        var id = PushKeys.Line(_fields.Text(nameof(PushFieldMapping.SubmissionId), root));
        if (id is null)
        {
            _fields.Problem(nameof(PushFieldMapping.SubmissionId), PushRules.Required, "is required: it identifies the submission (re-pushing it must give the same id)");
        }
        else if (id.Length > 150)
        {
            _fields.Problem(nameof(PushFieldMapping.SubmissionId), PushRules.MaxLength, "must be at most 150 characters");
        }

        var submittedAt = SubmittedAt(root);
        var referenceDate = DateOnly.FromDateTime(submittedAt.DateTime);
        var applicant = Applicant(root, referenceDate);
        var caseType = CaseType(root);
        var title = Title(root);
        var description = PushKeys.Cut(PushKeys.Paragraphs(_fields.Text(nameof(PushFieldMapping.Description), root)), 4000);
        var unitName = PushKeys.Cut(PushKeys.Line(_fields.Text(nameof(PushFieldMapping.UnitName), root)), 200);
        var unitId = PushKeys.OrganisationId(_fields.Text(nameof(PushFieldMapping.UnitId), root) ?? unitName);
        var link = Link(root);
        var attachments = new AttachmentReader(_fields, instance.Mapping).Read(root);
        return _fields.Problems.Count > 0 || id is null || title is null
            ? null
            : new Submission(id, submittedAt, caseType, title, description, applicant,
                unitId is null ? null : new OrganisationRef(unitId, unitName), link, attachments);
    }

    private DateTimeOffset SubmittedAt(PayloadValue root)
    {
        var text = _fields.Text(nameof(PushFieldMapping.SubmittedAt), root);
        if (text is null)
        {
            return receivedAt;
        }

        if (PushTimes.TryParse(text, instance.TimeZone, out var at))
        {
            return at;
        }

        _fields.Problem(nameof(PushFieldMapping.SubmittedAt), PushRules.Format, "must be an RFC 3339 date-time (2026-03-02T09:14:07+01:00), a local date-time without offset, or Unix seconds");
        return receivedAt;
    }

    private SubmittedApplicant Applicant(PayloadValue root, DateOnly referenceDate)
    {
        PartyIdentity? person = null;
        if (_fields.Text(nameof(PushFieldMapping.ApplicantPersonnummer), root) is { } pnr)
        {
            person = IdentityNumbers.Personal(pnr, referenceDate, out var rule);
            if (rule is not null)
            {
                _fields.Problem(nameof(PushFieldMapping.ApplicantPersonnummer), rule, rule switch
                {
                    PushRules.Luhn => "has a wrong check digit (kontrollsiffra)",
                    PushRules.PersonnummerDate => "does not start with a real date of birth (for a samordningsnummer: the day plus 60)",
                    _ => "must be a personnummer or samordningsnummer of 10 or 12 digits, e.g. 19121212-1212 or 191212121212",
                });
            }
        }

        PartyIdentity? organisation = null;
        if (_fields.Text(nameof(PushFieldMapping.ApplicantOrganisationsnummer), root) is { } orgnr)
        {
            organisation = IdentityNumbers.Organisation(orgnr, out var rule);
            if (rule is not null)
            {
                _fields.Problem(nameof(PushFieldMapping.ApplicantOrganisationsnummer), rule, rule switch
                {
                    PushRules.Luhn => "has a wrong check digit (kontrollsiffra)",
                    PushRules.OrganisationsnummerForm => "has a third digit below 2, which makes it a personnummer, not an organisationsnummer",
                    _ => "must be an organisationsnummer of 10 digits, e.g. 212000-2411",
                });
            }
        }

        var email = PushKeys.Line(_fields.Text(nameof(PushFieldMapping.ApplicantEmail), root));
        if (email is not null && !IsEmail(email))
        {
            _fields.Problem(nameof(PushFieldMapping.ApplicantEmail), PushRules.Email, "must be an e-mail address, e.g. tolvan.tolvansson@example.com");
            email = null;
        }

        var phone = PushKeys.Line(_fields.Text(nameof(PushFieldMapping.ApplicantPhone), root));
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            _fields.Problem(nameof(PushFieldMapping.ApplicantPhone), PushRules.Phone, "must be 5 to 30 digits, spaces, (, ) and -, optionally after a +, e.g. 070-123 45 67");
            phone = null;
        }

        return new SubmittedApplicant(person, organisation,
            PushKeys.Cut(PushKeys.Line(_fields.Text(nameof(PushFieldMapping.ApplicantName), root)), 300),
            PushKeys.Cut(PushKeys.Line(_fields.Text(nameof(PushFieldMapping.ApplicantOrganisationName), root)), 300),
            email, phone);
    }

    private string? CaseType(PayloadValue root)
    {
        var text = PushKeys.Line(_fields.Text(nameof(PushFieldMapping.CaseType), root));
        if (text is null)
        {
            return _options.CaseType;
        }

        var key = _options.CaseTypes.TryGetValue(text, out var mapped) ? mapped : PushKeys.CaseTypeKey(text);
        if (!PushKeys.IsCaseTypeKey(key))
        {
            _fields.Problem(nameof(PushFieldMapping.CaseType), PushRules.CaseTypeKey, "gives no case type key: it needs letters or digits (or list the value under CaseTypes)");
        }

        return key;
    }

    private string? Title(PayloadValue root)
    {
        var title = PushKeys.Cut(PushKeys.Line(_fields.Text(nameof(PushFieldMapping.Title), root)), 500) ?? PushKeys.Line(_options.DefaultTitle);
        if (title is null && _fields.Problems.All(p => p.Field != nameof(PushFieldMapping.Title)))
        {
            _fields.Problem(nameof(PushFieldMapping.Title), PushRules.Required, "is required (the case title, ärendemening): the submission has none and DefaultTitle is not set");
        }

        return title;
    }

    private Uri? Link(PayloadValue root)
    {
        var text = PushKeys.Line(_fields.Text(nameof(PushFieldMapping.Link), root));
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) && link.AbsoluteUri.Length <= 2000)
        {
            return link;
        }

        _fields.Problem(nameof(PushFieldMapping.Link), PushRules.Format, "must be an absolute http or https address");
        return null;
    }

    private static bool IsEmail(string text) =>
        text.Length <= 320 && !text.Contains(' ', StringComparison.Ordinal) && MailAddress.TryCreate(text, out var address)
        && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^\+?[0-9 ()-]{5,30}$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex PhonePattern();
}
