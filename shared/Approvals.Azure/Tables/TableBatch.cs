using System.Globalization;
using System.Text;
using Approvals.Azure.Storage;
using Azure;

namespace Approvals.Azure.Tables;

/// <summary>
/// The wire format of an entity group transaction: a <c>multipart/mixed</c> batch holding one changeset whose parts
/// are complete HTTP requests, and the parsing of the batch response's per-operation HTTP responses.
/// </summary>
internal static class TableBatch
{
    public const int MaxActions = 100;

    public sealed record OperationResponse(int Status, string? ReasonPhrase, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>Builds the request body. Content-IDs are 1-based (action index + 1), the numbering Azurite answers with.</summary>
    public static (byte[] Body, string ContentType) Build(string tableUri, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var (method, withBody, ifMatch) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", true, null),
                TableTransactionActionType.UpdateMerge => ("MERGE", true, IfMatch(action.IfMatch)),
                TableTransactionActionType.UpdateReplace => ("PUT", true, IfMatch(action.IfMatch)),
                TableTransactionActionType.UpsertMerge => ("MERGE", true, (string?)null),
                TableTransactionActionType.UpsertReplace => ("PUT", true, null),
                TableTransactionActionType.Delete => ("DELETE", false, IfMatch(action.IfMatch)),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown action."),
            };
            var target = action.ActionType == TableTransactionActionType.Add ? tableUri : TableClient.EntityAddress(tableUri, action.Entity.PartitionKey, action.Entity.RowKey);
            text.Append("--").Append(changeset).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
                .Append("Accept: application/json;odata=minimalmetadata\r\n")
                .Append("DataServiceVersion: 3.0\r\n")
                .Append("Content-ID: ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            if (action.ActionType == TableTransactionActionType.Add) text.Append("Prefer: return-no-content\r\n");
            if (ifMatch is not null) text.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            if (withBody)
            {
                text.Append("Content-Type: application/json\r\n\r\n")
                    .Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(action.Entity))).Append("\r\n");
            }
            else
            {
                text.Append("\r\n");
            }
        }
        text.Append("--").Append(changeset).Append("--\r\n")
            .Append("--").Append(batch).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), "multipart/mixed; boundary=" + batch);
    }

    private static string IfMatch(ETag etag) => etag == default ? "*" : StorageUris.HeaderValue(etag);

    /// <summary>Every embedded <c>HTTP/1.1 status</c> response of a batch response body, in order.</summary>
    public static IReadOnlyList<OperationResponse> Parse(string body)
    {
        var responses = new List<OperationResponse>();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal)) continue;
            var statusLine = lines[i]["HTTP/1.1 ".Length..];
            var space = statusLine.IndexOf(' ', StringComparison.Ordinal);
            var status = int.Parse(space < 0 ? statusLine : statusLine[..space], CultureInfo.InvariantCulture);
            var reason = space < 0 ? null : statusLine[(space + 1)..];
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            i++;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            var content = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal) && !lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal); i++)
                content.Append(lines[i]).Append('\n');
            i--;
            responses.Add(new OperationResponse(status, reason, headers, content.ToString().Trim()));
        }
        return responses;
    }
}
