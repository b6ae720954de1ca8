using Approvals.Azure.Identity;
using Approvals.Azure.Storage;
using Approvals.Azure.Tests.Infrastructure;
using Azure.Core;
using Azure.Identity;

namespace Approvals.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageAccountTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Clients_from_a_connection_string_reach_all_three_services_of_an_azurite_that_checks_api_versions()
    {
        // The fixture's Azurite runs without --skipApiVersionCheck: these calls pass only because the REST version is pinned.
        var account = azurite.Account;
        Assert.Equal(AzuriteFixture.DevelopmentAccountName, account.AccountName);
        Assert.True((await account.Container(AzuriteFixture.UniqueName("c")).CreateIfNotExistsAsync())?.Value is not null);
        Assert.NotNull((await account.Table(AzuriteFixture.UniqueName("t")).CreateIfNotExistsAsync())?.Value);
        Assert.Equal(201, (await account.Queue(AzuriteFixture.UniqueName("q")).CreateIfNotExistsAsync())?.Status);
    }

    [Fact]
    public void By_account_name_the_clients_point_at_the_public_cloud_endpoints()
    {
        var account = StorageAccount.FromAccountName("stapprovals", new NoCredential());

        Assert.Equal(new Uri("https://stapprovals.blob.core.windows.net/materials"), account.Container("materials").Uri);
        Assert.Equal(new Uri("https://stapprovals.queue.core.windows.net/department-responses"), account.Queue("department-responses").Uri);
        Assert.Equal("CreditLedger", account.Table("CreditLedger").Name);
        Assert.Equal("stapprovals", account.Table("CreditLedger").AccountName);
    }

    [Fact]
    public void A_configured_client_id_means_that_managed_identity_and_nothing_else()
    {
        Assert.IsType<ManagedIdentityCredential>(AzureCredentials.Create("00000000-0000-0000-0000-000000000001"));
        Assert.IsType<DefaultAzureCredential>(AzureCredentials.Create(null));
    }

    private sealed class NoCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("No token in this test.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => throw new InvalidOperationException("No token in this test.");
    }
}
