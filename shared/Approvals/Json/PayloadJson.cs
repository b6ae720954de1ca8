using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace Approvals.Json;

/// <summary>
/// How orchestration inputs, outputs, events and custom status are written, in Azure and locally alike: web defaults
/// (camelCase) and Chinese text as itself. The default encoder writes every Chinese character as a six-character
/// <c>\uXXXX</c>, which makes a published status of Chinese timelines three times longer; HTML-sensitive characters are
/// still escaped.
/// </summary>
public static class PayloadJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The Durable Task data converter that writes with <see cref="Options"/>.</summary>
    public static DataConverter Converter { get; } = new JsonDataConverter(Options);
}
