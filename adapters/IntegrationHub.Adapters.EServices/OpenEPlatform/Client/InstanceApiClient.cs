using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Client;

/// <summary>The instance API: list a family's instances between two dates, fetch one instance's XML and PDF.</summary>
internal sealed class InstanceApiClient(OpenEPlatformHttp http)
{
    public async Task<IReadOnlyList<InstanceSummary>> GetInstancesAsync(string familyId, string? status, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var path = $"api/instanceapi/getinstances/family/{Uri.EscapeDataString(familyId)}"
            + (string.IsNullOrWhiteSpace(status) ? string.Empty : "/" + Uri.EscapeDataString(status))
            + $"?fromDate={Day(from)}&toDate={Day(to)}";
        var operation = $"list the instances of flow family {familyId}";
        var answer = await GetAsync(operation, path, cancellationToken);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            throw new OpenEPlatformException(
                $"Open ePlatform does not know flow family {familyId} (404): check {http.At}:Families:{familyId} (the family id, not a flow id) and {http.At}:BaseUrl.", 404, false);
        }

        EnsureSuccess(operation, answer);
        return InstanceListReader.Read(Parse(operation, answer));
    }

    /// <summary>The instance's XML export, or null when the instance no longer exists (404).</summary>
    public async Task<InstanceXml?> GetXmlAsync(int flowInstanceId, CancellationToken cancellationToken)
    {
        var id = flowInstanceId.ToString(CultureInfo.InvariantCulture);
        var operation = $"fetch the XML of flow instance {id}";
        var answer = await GetAsync(operation, $"api/instanceapi/getinstance/{id}/xml", cancellationToken);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(operation, answer);
        return new InstanceXml(answer.Body, Parse(operation, answer));
    }

    /// <summary>The instance's PDF, or null when the platform has none for it (404).</summary>
    public async Task<byte[]?> GetPdfAsync(int flowInstanceId, CancellationToken cancellationToken)
    {
        var id = flowInstanceId.ToString(CultureInfo.InvariantCulture);
        var operation = $"fetch the PDF of flow instance {id} ({http.At}:PdfPath)";
        var answer = await GetAsync(operation, http.Options.PdfPath.Replace("{id}", id, StringComparison.Ordinal).TrimStart('/'), cancellationToken);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(operation, answer);
        return answer.Body;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<HttpAnswer> GetAsync(string operation, string path, CancellationToken cancellationToken) =>
        http.SendAsync(operation, new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), cancellationToken);

    private void EnsureSuccess(string operation, HttpAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            throw http.FromStatus(operation, answer);
        }
    }

    private static XDocument Parse(string operation, HttpAnswer answer)
    {
        try
        {
            return XmlText.Parse(answer.Body, answer.Charset);
        }
        catch (XmlException e)
        {
            throw new OpenEPlatformException(
                $"Open ePlatform answered the request to {operation} with XML the adapter cannot read (line {e.LineNumber.ToString(CultureInfo.InvariantCulture)}).", (int)answer.Status, false, null, null, e);
        }
    }
}
