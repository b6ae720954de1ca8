using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Approvals.Functions.Tests.Defects;

/// <summary>
/// Issue 14, defect 5: a submission retried after midnight, when the key was never recorded (the process died between
/// scheduling the application and recording its Idempotency-Key), must land on the same application, not a second one.
/// </summary>
public sealed class SubmissionRetryTests : IDisposable
{
    private readonly AppFactory app = new();
    private PortalDriver Portal => app.Driver;

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_retry_the_next_day_after_the_key_was_lost_lands_on_the_same_application()
    {
        var body = await Portal.PermitSubmissionAsync();
        var first = await Portal.SubmitAsync(body, "retry-after-midnight");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString()!;
        await Portal.WaitAsync(id, s => s.GetProperty("status").GetString() == "under-review");

        ForgetIdempotencyKeys();
        Assert.Equal(HttpStatusCode.OK, (await Portal.AdvanceAsync(1)).StatusCode);
        var retry = await Portal.SubmitAsync(body, "retry-after-midnight");

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(id, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetString());
        var mine = await Portal.Applicant().GetFromJsonAsync<JsonElement>("/api/applications");
        Assert.Single(mine.GetProperty("items").EnumerateArray());
    }

    /// <summary>The crash: the application was scheduled, its key never recorded.</summary>
    private void ForgetIdempotencyKeys()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "app.db")}");
        connection.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM keyed_records WHERE scope = 'submissions'";
        Assert.Equal(1, delete.ExecuteNonQuery());
    }
}
