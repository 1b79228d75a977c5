using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace IntegrationHub.Adapters.Platina.Tests.Support;

/// <summary>
/// A Platina integration on 127.0.0.1 that keeps the contract (samples/platina/platina-integration.openapi.yaml):
/// events with cursors, files, cases and documents made idempotent by external id (409), ProblemDetails errors, and
/// switches to make it fail the ways a real one does.
/// </summary>
internal sealed class PlatinaSimulator : IDisposable
{
    public const string ApiKey = "test-platina-key";

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private readonly Lock _lock = new();
    private readonly List<JsonObject> _events = [];
    private readonly List<SimulatedCase> _cases = [];
    private readonly List<string> _requests = [];
    private int _failNext;
    private int _failStatus = 503;

    public PlatinaSimulator()
    {
        _server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .RespondWith(Response.Create().WithCallback(Handle));
    }

    public Uri Url => new(_server.Url! + "/integration/v1/");

    public Dictionary<string, byte[]> Files { get; } = [];

    /// <summary>The header and value that must carry the key; null: Authorization: Bearer.</summary>
    public string? ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>Every request answers 503 while true.</summary>
    public bool Down { get; set; }

    /// <summary>Seconds sent as Retry-After with 503 and 429.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Case types Platina knows; others get 422 (null: any).</summary>
    public HashSet<string>? KnownCaseTypes { get; set; }

    /// <summary>After this many more documents are stored, every document POST answers 503 (a crash halfway).</summary>
    public int? DocumentsBeforeFailure { get; set; }

    /// <summary>The next case POST creates the case but its answer is lost (503).</summary>
    public bool LoseNextCreateAnswer { get; set; }

    /// <summary>GET /cases?externalId lists nothing (an index that lags), so only the 409 tells.</summary>
    public bool HideCasesFromLookup { get; set; }

    public IReadOnlyList<SimulatedCase> Cases
    {
        get
        {
            lock (_lock)
            {
                return [.. _cases];
            }
        }
    }

    /// <summary>"METHOD /path" of every request, oldest first.</summary>
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

    public IReadOnlyList<IDictionary<string, WireMockList<string>>> RequestHeaders =>
        [.. _server.LogEntries.Select(e => e.RequestMessage.Headers ?? new Dictionary<string, WireMockList<string>>())];

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 503)
    {
        lock (_lock)
        {
            _failNext = count;
            _failStatus = status;
        }
    }

    /// <summary>Loads a page of sample events and the sample files.</summary>
    public void LoadSamples(string page = "events-page.json")
    {
        var json = JsonNode.Parse(Samples.Text(page))!["events"]!.AsArray();
        lock (_lock)
        {
            _events.AddRange(json.Select(e => e!.DeepClone().AsObject()));
        }

        foreach (var file in Directory.GetFiles(Samples.Path("files")))
        {
            Files[Path.GetFileNameWithoutExtension(file)] = File.ReadAllBytes(file);
        }
    }

    /// <summary>Adds a "registered" event for a new Platina case; answers its cursor.</summary>
    public string AddRegistered(string caseId, string diarienummer, string title = "Ansökan om strandskyddsdispens")
    {
        lock (_lock)
        {
            var number = _events.Count + 1;
            var cursor = number.ToString("D9", CultureInfo.InvariantCulture);
            _events.Add(new JsonObject
            {
                ["cursor"] = cursor,
                ["id"] = $"sim-{number}",
                ["type"] = "registered",
                ["occurredAt"] = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(1)).AddMinutes(number).ToString("O", CultureInfo.InvariantCulture),
                ["case"] = new JsonObject { ["id"] = caseId, ["diarienummer"] = diarienummer, ["title"] = title, ["caseType"] = "Strandskydd", ["status"] = "Öppet" },
            });
            return cursor;
        }
    }

    public void Dispose() => _server.Dispose();

    private ResponseMessage Handle(IRequestMessage request)
    {
        lock (_lock)
        {
            var path = request.Path[(Url.AbsolutePath.Length - 1)..];
            _requests.Add($"{request.Method} {path}");
            if (Down || _failNext > 0)
            {
                var status = Down ? 503 : _failStatus;
                _failNext = Math.Max(0, _failNext - 1);
                return Unavailable(status);
            }

            if (!Authorised(request))
            {
                return Problem(401, "Ogiltig API-nyckel");
            }

            var segments = path.Trim('/').Split('/');
            return (request.Method, segments) switch
            {
                ("GET", ["events"]) => Events(Query(request, "after"), int.Parse(Query(request, "limit") ?? "100", CultureInfo.InvariantCulture)),
                ("GET", ["files", var id]) => Files.TryGetValue(id, out var bytes) ? Bytes(bytes) : Problem(404, "Filen finns inte"),
                ("GET", ["cases"]) => Json(200, new JsonObject { ["cases"] = new JsonArray([.. _cases.Where(c => !HideCasesFromLookup && c.ExternalId == Query(request, "externalId")).Select(c => c.ToJson())]) }),
                ("POST", ["cases"]) => CreateCase(JsonNode.Parse(request.Body!)!.AsObject()),
                ("GET", ["cases", var id, "documents"]) => Find(id) is { } c
                    ? Json(200, new JsonObject { ["documents"] = new JsonArray([.. c.Documents.Select(d => d.ToJson())]) })
                    : Problem(404, "Ärendet finns inte"),
                ("POST", ["cases", var id, "documents"]) => AddDocument(id, JsonNode.Parse(request.Body!)!.AsObject()),
                _ => Problem(404, "Okänd adress"),
            };
        }
    }

    private bool Authorised(IRequestMessage request)
    {
        var headers = request.Headers ?? new Dictionary<string, WireMockList<string>>();
        return ApiKeyHeader is null
            ? headers.TryGetValue("Authorization", out var auth) && auth.Contains($"Bearer {ApiKey}")
            : headers.Any(h => string.Equals(h.Key, ApiKeyHeader, StringComparison.OrdinalIgnoreCase) && h.Value.Contains(ApiKey));
    }

    private ResponseMessage Events(string? after, int limit)
    {
        var pending = _events.Where(e => after is null || string.CompareOrdinal((string)e["cursor"]!, after) > 0).ToList();
        var page = pending.Take(limit).ToList();
        var more = pending.Count > page.Count;
        return Json(200, new JsonObject
        {
            ["events"] = new JsonArray([.. page.Select(e => e.DeepClone())]),
            ["next"] = more ? (string)page[^1]["cursor"]! : null,
        });
    }

    private ResponseMessage CreateCase(JsonObject body)
    {
        var externalId = (string)body["externalId"]!;
        var caseType = (string)body["caseType"]!;
        if (KnownCaseTypes is not null && !KnownCaseTypes.Contains(caseType))
        {
            return Problem(422, "Ärendet kunde inte registreras", "Ärendetypen finns inte i diariet.", "caseType");
        }

        if (_cases.Find(c => c.ExternalId == externalId) is { } existing)
        {
            return Json(409, new JsonObject { ["id"] = existing.Id, ["diarienummer"] = existing.Diarienummer });
        }

        var number = _cases.Count + 46;
        var created = new SimulatedCase($"PL-2026-{number:D6}", $"BN 2026/{number}", externalId, caseType, body);
        _cases.Add(created);
        if (LoseNextCreateAnswer)
        {
            LoseNextCreateAnswer = false;
            return Unavailable(503);
        }

        return Json(201, new JsonObject { ["id"] = created.Id, ["diarienummer"] = created.Diarienummer });
    }

    private ResponseMessage AddDocument(string caseId, JsonObject body)
    {
        if (Find(caseId) is not { } target)
        {
            return Problem(404, "Ärendet finns inte");
        }

        var externalId = (string)body["externalId"]!;
        if (target.Documents.Find(d => d.ExternalId == externalId) is { } existing)
        {
            return Json(409, new JsonObject { ["id"] = existing.Id, ["lopnummer"] = existing.Lopnummer });
        }

        if (DocumentsBeforeFailure is 0)
        {
            return Unavailable(503);
        }

        foreach (var file in body["files"]!.AsArray())
        {
            var content = Convert.FromBase64String((string)file!["content"]!);
            if (Convert.ToHexStringLower(SHA256.HashData(content)) != (string)file["sha256"]!)
            {
                return Problem(400, "Filens kontrollsumma stämmer inte");
            }
        }

        DocumentsBeforeFailure--;
        var document = new SimulatedDocument($"PL-DOC-{90000 + _cases.Sum(c => c.Documents.Count)}", externalId, target.Documents.Count + 1, body);
        target.Documents.Add(document);
        return Json(201, new JsonObject { ["id"] = document.Id, ["lopnummer"] = document.Lopnummer });
    }

    private SimulatedCase? Find(string id) => _cases.Find(c => c.Id == id);

    private static string? Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private ResponseMessage Unavailable(int status)
    {
        var response = Problem(status, status == 429 ? "För många anrop" : "Tjänsten är inte tillgänglig");
        if (RetryAfterSeconds is { } seconds)
        {
            response.AddHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    private static ResponseMessage Problem(int status, string title, string? detail = null, string? field = null)
    {
        var problem = new JsonObject { ["type"] = "about:blank", ["title"] = title, ["status"] = status };
        if (detail is not null)
        {
            problem["detail"] = detail;
        }

        if (field is not null)
        {
            problem["errors"] = new JsonObject { [field] = new JsonArray("Okänt värde.") };
        }

        return Json(status, problem, "application/problem+json");
    }

    private static ResponseMessage Json(int status, JsonNode body, string mediaType = "application/json")
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), DetectedBodyType = BodyType.String },
        };
        response.AddHeader("Content-Type", mediaType + "; charset=utf-8");
        return response;
    }

    private static ResponseMessage Bytes(byte[] bytes)
    {
        var response = new ResponseMessage { StatusCode = 200, BodyData = new BodyData { BodyAsBytes = bytes, DetectedBodyType = BodyType.Bytes } };
        response.AddHeader("Content-Type", "application/pdf");
        return response;
    }
}
