using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approvals.Stores;
using Microsoft.DurableTask;

namespace Approvals.Activities;

/// <summary>Opens an enforcement case (执法) for a broken or false commitment; one case per commitment, however often it is retried.</summary>
public sealed class OpenEnforcementCaseActivity(IKeyedRecords records) : TaskActivity<EnforcementRequest, string>
{
    public const string Scope = "enforcement-cases";

    public override async Task<string> RunAsync(TaskActivityContext context, EnforcementRequest request)
    {
        var key = $"{request.ApplicationId}/{request.CommitmentId}";
        var number = "ENF-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 5));
        var (_, stored) = await records.TryAddAsync(Scope, key, JsonSerializer.Serialize(new { number, request }), CancellationToken.None);
        return JsonDocument.Parse(stored).RootElement.GetProperty("number").GetString()!;
    }
}
