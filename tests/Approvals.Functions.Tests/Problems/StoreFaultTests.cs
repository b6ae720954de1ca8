using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approvals.Functions.Tests.Infrastructure;
using Approvals.Stores;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;

namespace Approvals.Functions.Tests.Problems;

/// <summary>Issue 14, defect 15: a store that cannot write (disk full) answers 503 problem+json naming it; reads go on.</summary>
public sealed class StoreFaultTests
{
    /// <summary>The keyed records store with a full disk: every write fails as SQLite fails then (SQLITE_FULL, 13).</summary>
    private sealed class FullDiskRecords(IKeyedRecords inner) : IKeyedRecords
    {
        public Task<(bool Added, string Value)> TryAddAsync(string scope, string key, string value, CancellationToken cancellationToken = default) =>
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);

        public Task<string?> GetAsync(string scope, string key, CancellationToken cancellationToken = default) => inner.GetAsync(scope, key, cancellationToken);

        public Task<IReadOnlyList<(string Key, string Value)>> ListAsync(string scope, string keyPrefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(scope, keyPrefix, cancellationToken);
    }

    [Fact]
    public async Task A_submission_on_a_full_disk_answers_503_naming_the_store_and_reads_keep_working()
    {
        using var app = new AppFactory();
        using var full = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IKeyedRecords));
            services.Add(ServiceDescriptor.Singleton<IKeyedRecords>(sp => new FullDiskRecords((IKeyedRecords)original.ImplementationFactory!(sp))));
        }));
        var driver = new PortalDriver(token =>
        {
            var client = full.CreateClient();
            if (token is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        });

        var response = await driver.SubmitAsync(await driver.PermitSubmissionAsync(), "full-disk");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("store", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await driver.Anonymous().GetAsync("/api/catalog/items")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await driver.Applicant().GetAsync("/api/applications")).StatusCode);
    }
}
