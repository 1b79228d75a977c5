using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace IntegrationHub.Adapters.EServices.Tests.Push.Support;

/// <summary>Damaged variants of a sample: truncated, bytes flipped, a field removed, a value of the wrong type.</summary>
internal static class Corruptions
{
    private static readonly string[] WrongJson = ["42", "true", "{}", "[]", "null", "\"\"", "[\"a\",{\"b\":1}]", "{\"data\":\"!!\"}", "-1e400", "\"\\u0000\""];

    public static IEnumerable<(string Kind, byte[] Body)> Of(byte[] sample, bool xml, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return (i % 4) switch
            {
                0 => ("truncated", sample[..random.Next(sample.Length)]),
                1 => ("flipped", Flip(sample, random)),
                2 => ("removed", xml ? RemoveXml(sample, random) : RemoveJson(sample, random)),
                _ => ("retyped", xml ? RetypeXml(sample, random) : RetypeJson(sample, random)),
            };
        }
    }

    private static byte[] Flip(byte[] sample, Random random)
    {
        var copy = (byte[])sample.Clone();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] RemoveJson(byte[] sample, Random random)
    {
        var root = JsonNode.Parse(sample)!;
        var (parent, key) = Pick(root, random);
        if (parent is JsonObject o)
        {
            o.Remove(key!);
        }
        else if (parent is JsonArray a && a.Count > 0)
        {
            a.RemoveAt(random.Next(a.Count));
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static byte[] RetypeJson(byte[] sample, Random random)
    {
        var root = JsonNode.Parse(sample)!;
        var (parent, key) = Pick(root, random);
        var replacement = JsonNode.Parse(WrongJson[random.Next(WrongJson.Length)]);
        if (parent is JsonObject o)
        {
            o[key!] = replacement;
        }
        else if (parent is JsonArray a && a.Count > 0)
        {
            a[random.Next(a.Count)] = replacement;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    // A random member anywhere in the document: its container and its name (null for an array element).
    private static (JsonNode Parent, string? Key) Pick(JsonNode root, Random random)
    {
        var all = new List<(JsonNode, string?)>();
        void Walk(JsonNode node)
        {
            if (node is JsonObject o)
            {
                foreach (var (name, child) in o)
                {
                    all.Add((o, name));
                    if (child is not null)
                    {
                        Walk(child);
                    }
                }
            }
            else if (node is JsonArray a)
            {
                all.Add((a, null));
                foreach (var child in a.Where(c => c is not null))
                {
                    Walk(child!);
                }
            }
        }

        Walk(root);
        return all[random.Next(all.Count)];
    }

    private static byte[] RemoveXml(byte[] sample, Random random)
    {
        var document = XDocument.Parse(Encoding.UTF8.GetString(sample));
        var nodes = document.Descendants().Skip(1).Cast<XObject>().Concat(document.Descendants().Attributes()).ToList();
        switch (nodes[random.Next(nodes.Count)])
        {
            case XElement element:
                element.Remove();
                break;
            case XAttribute attribute when !attribute.IsNamespaceDeclaration:
                attribute.Remove();
                break;
        }

        return Encoding.UTF8.GetBytes(document.ToString());
    }

    private static byte[] RetypeXml(byte[] sample, Random random)
    {
        var document = XDocument.Parse(Encoding.UTF8.GetString(sample));
        var elements = document.Descendants().Skip(1).ToList();
        var target = elements[random.Next(elements.Count)];
        XNamespace sp = "urn:selfpoint:inlamning:2";
        switch (random.Next(4))
        {
            case 0:
                target.ReplaceNodes(new XElement(sp + "Falt", new XElement(sp + "Varde", "x")));
                break;
            case 1:
                target.ReplaceNodes();
                break;
            case 2:
                target.Value = random.Next(2) == 0 ? "true" : new string('9', random.Next(1, 40));
                break;
            default:
                target.Value = "\t ÅÄÖ \u00e9 " + new string('ö', random.Next(600));
                break;
        }

        return Encoding.UTF8.GetBytes(document.ToString());
    }
}
