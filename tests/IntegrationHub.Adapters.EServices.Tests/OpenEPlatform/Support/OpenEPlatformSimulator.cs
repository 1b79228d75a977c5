using System.Globalization;
using System.Text;
using System.Xml.Linq;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace IntegrationHub.Adapters.EServices.Tests.OpenEPlatform.Support;

/// <summary>
/// An Open ePlatform on 127.0.0.1 with the real paths and shapes: the instance API (getinstances by family and day,
/// getinstance XML and PDF) and the SOAP callback service with its faults, behind basic authentication, with switches
/// to make it fail the ways a real one does.
/// </summary>
internal sealed class OpenEPlatformSimulator : IDisposable
{
    public const string Username = "integrationhub";
    public const string Password = "test-secret";
    public static readonly XNamespace Callback = "http://www.oeplatform.org/version/1.0/schemas/integration/callback";

    private static readonly TimeZoneInfo Sweden = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private readonly Lock _lock = new();
    private readonly Dictionary<int, SimulatedInstance> _instances = [];
    private readonly List<string> _requests = [];
    private readonly List<XElement> _calls = [];
    private int _failNext;
    private int _failStatus = 503;
    private int _nextEventId = 90000;

    public OpenEPlatformSimulator()
    {
        _server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(Handle));
    }

    public Uri Url => new(_server.Url! + "/oep/");

    /// <summary>Every request answers 503 while true.</summary>
    public bool Down { get; set; }

    /// <summary>The next callback call answers this SOAP fault (e.g. AccessDenied).</summary>
    public string? FaultNext { get; set; }

    /// <summary>Status names the flows know; setStatus with another answers StatusNotFound.</summary>
    public HashSet<string> Statuses { get; } = new(StringComparer.Ordinal) { "Inskickat", "Under behandling", "Väntar på komplettering", "Kompletterad", "Klart" };

    /// <summary>"METHOD /path?query" of every request, oldest first (the path after /oep).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The operation elements (setStatus, addMessage, confirmDelivery) of every callback call that succeeded.</summary>
    public IReadOnlyList<XElement> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public IEnumerable<string?> AuthorizationHeaders =>
        _server.LogEntries.Select(e => e.RequestMessage.Headers?.TryGetValue("Authorization", out var v) == true ? v.FirstOrDefault() : null);

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 503)
    {
        lock (_lock)
        {
            _failNext = count;
            _failStatus = status;
        }
    }

    /// <summary>Publishes an instance of a family: its XML (as bytes, with the content type to serve it under) and PDF.</summary>
    public void Add(int familyId, int id, DateTimeOffset submitted, byte[] xml, string contentType = "text/xml", byte[]? pdf = null)
    {
        lock (_lock)
        {
            _instances[id] = new SimulatedInstance(familyId, id, submitted, xml, contentType, pdf);
        }
    }

    /// <summary>The two samples: bygglov (family 101, ISO-8859-1, served without a charset) and felanmälan (205, UTF-8).</summary>
    public void LoadSamples()
    {
        Add(101, 48213, new DateTimeOffset(2026, 3, 2, 9, 14, 7, TimeSpan.FromHours(1)), Samples.Bytes("bygglov-48213.xml"), "text/xml", Samples.Bytes("bygglov-48213.pdf"));
        Add(205, 51002, new DateTimeOffset(2026, 3, 3, 21, 47, 30, TimeSpan.FromHours(1)), Samples.Bytes("felanmalan-51002.xml"), "application/xml; charset=UTF-8");
    }

    /// <summary>A small generated instance (UTF-8) for the contract suite.</summary>
    public void AddGenerated(int familyId, int id, DateTimeOffset submitted)
    {
        var local = TimeZoneInfo.ConvertTime(submitted, Sweden).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        XNamespace ns = "http://www.oeplatform.org/version/2.0/schemas/flowinstance";
        var xml = new XDocument(new XElement(ns + "FlowInstance",
            new XElement(ns + "Header",
                new XElement(ns + "Flow", new XElement(ns + "FamilyID", familyId), new XElement(ns + "Version", 1), new XElement(ns + "FlowID", familyId * 10), new XElement(ns + "Name", "Anmälan om ändrad hämtning")),
                new XElement(ns + "FlowInstanceID", id),
                new XElement(ns + "Status", new XElement(ns + "ID", 1), new XElement(ns + "Name", "Inskickat")),
                new XElement(ns + "Poster", new XElement(ns + "Firstname", "Sven"), new XElement(ns + "Lastname", "Provsson"), new XElement(ns + "ID", "77")),
                new XElement(ns + "Posted", local), new XElement(ns + "FirstSubmitted", local), new XElement(ns + "LastSubmitted", local)),
            new XElement(ns + "Values")));
        Add(familyId, id, submitted, Encoding.UTF8.GetBytes(xml.ToString()), "text/xml; charset=UTF-8");
    }

    public void Dispose() => _server.Dispose();

    private ResponseMessage Handle(IRequestMessage request)
    {
        lock (_lock)
        {
            var path = request.Path["/oep".Length..];
            var query = request.Query ?? new Dictionary<string, WireMockList<string>>();
            var queryText = query.Count == 0 ? string.Empty : "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value.FirstOrDefault()}"));
            _requests.Add($"{request.Method} {path}{queryText}");
            if (Down || _failNext > 0)
            {
                var status = Down ? 503 : _failStatus;
                _failNext = Math.Max(0, _failNext - 1);
                return Text(status, "text/html", "<html><body>Service Unavailable</body></html>");
            }

            if (!Authorised(request))
            {
                return Text(401, "text/html", "<html><body>Unauthorized</body></html>");
            }

            var segments = Uri.UnescapeDataString(path).Trim('/').Split('/');
            return (request.Method, segments) switch
            {
                ("GET", ["api", "instanceapi", "getinstances", "family", var family, .. var status]) =>
                    List(int.Parse(family, CultureInfo.InvariantCulture), status.Length > 0 ? status[0] : null, Day(query, "fromDate"), Day(query, "toDate")),
                ("GET", ["api", "instanceapi", "getinstance", var id, "xml"]) => _instances.TryGetValue(int.Parse(id, CultureInfo.InvariantCulture), out var i)
                    ? Bytes(200, i.ContentType, i.Xml)
                    : Text(404, "text/html", "Not found"),
                ("GET", ["api", "instanceapi", "getinstance", var id, "pdf"]) => _instances.TryGetValue(int.Parse(id, CultureInfo.InvariantCulture), out var i) && i.Pdf is not null
                    ? Bytes(200, "application/pdf", i.Pdf)
                    : Text(404, "text/html", "Not found"),
                ("POST", ["api", "callback"]) => CallbackCall(request),
                _ => Text(404, "text/html", "Not found"),
            };
        }
    }

    private static bool Authorised(IRequestMessage request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));
        return request.Headers?.TryGetValue("Authorization", out var auth) == true && auth.Contains(expected);
    }

    private static DateOnly? Day(IDictionary<string, WireMockList<string>> query, string name) =>
        query.TryGetValue(name, out var value) ? DateOnly.ParseExact(value[0], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private ResponseMessage List(int family, string? status, DateOnly? from, DateOnly? to)
    {
        var listed = _instances.Values
            .Where(i => i.FamilyId == family)
            .Where(i => status is null || status == "Inskickat")
            .Where(i =>
            {
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.Submitted, Sweden).DateTime);
                return (from is null || day >= from) && (to is null || day <= to);
            })
            // The platform lists newest first.
            .OrderByDescending(i => i.Submitted);
        var root = new XElement("FlowInstances", listed.Select(i =>
        {
            var local = TimeZoneInfo.ConvertTime(i.Submitted, Sweden).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var ms = i.Submitted.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            return new XElement("FlowInstance",
                new XElement("flowInstanceID", i.Id), new XElement("added", local), new XElement("firstSubmitted", local),
                new XElement("fullyPopulated", "true"), new XElement("profileID", 1), new XElement("remote", "false"),
                new XElement("addedInMilliseconds", ms), new XElement("firstSubmittedInMilliseconds", ms + "\n\t\t"));
        }));
        var text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" standalone=\"no\"?>\n" + root;
        return Bytes(200, "text/xml", Encoding.Latin1.GetBytes(text));
    }

    private ResponseMessage CallbackCall(IRequestMessage request)
    {
        var envelope = XDocument.Parse(request.Body!);
        var operation = envelope.Root!.Element(XName.Get("Body", "http://schemas.xmlsoap.org/soap/envelope/"))!.Elements().First();
        if (FaultNext is { } fault)
        {
            FaultNext = null;
            return Fault(fault);
        }

        var id = int.Parse(operation.Element(Callback + "flowInstanceID")!.Value, CultureInfo.InvariantCulture);
        if (!_instances.ContainsKey(id))
        {
            return Fault("FlowInstanceNotFound");
        }

        switch (operation.Name.LocalName)
        {
            case "setStatus":
                if (!Statuses.Contains(operation.Element(Callback + "statusAlias")!.Value))
                {
                    return Fault("StatusNotFound");
                }

                _calls.Add(operation);
                return Soap(new XElement(Callback + "setStatusResponse", new XElement(Callback + "eventID", ++_nextEventId)));
            case "addMessage":
                _calls.Add(operation);
                return Soap(new XElement(Callback + "addMessageResponse", new XElement(Callback + "messageID", ++_nextEventId)));
            case "confirmDelivery":
                _calls.Add(operation);
                return Soap(new XElement(Callback + "confirmDeliveryResponse"));
            default:
                return Text(500, "text/html", "Unknown operation");
        }
    }

    private static ResponseMessage Soap(XElement body)
    {
        XNamespace s = "http://schemas.xmlsoap.org/soap/envelope/";
        var envelope = new XElement(s + "Envelope", new XAttribute(XNamespace.Xmlns + "S", s), new XElement(s + "Body", body));
        return Bytes(200, "text/xml; charset=ISO-8859-1", Encoding.Latin1.GetBytes("<?xml version='1.0' encoding='ISO-8859-1'?>\n" + envelope));
    }

    private static ResponseMessage Fault(string name) =>
        Bytes(500, "text/xml; charset=utf-8", Samples.Bytes($"callback-fault-{name}.xml"));

    private static ResponseMessage Text(int status, string contentType, string body) => Bytes(status, contentType, Encoding.UTF8.GetBytes(body));

    private static ResponseMessage Bytes(int status, string contentType, byte[] body)
    {
        var response = new ResponseMessage { StatusCode = status, BodyData = new BodyData { BodyAsBytes = body, DetectedBodyType = BodyType.Bytes } };
        response.AddHeader("Content-Type", contentType);
        return response;
    }

    private sealed record SimulatedInstance(int FamilyId, int Id, DateTimeOffset Submitted, byte[] Xml, string ContentType, byte[]? Pdf);
}
