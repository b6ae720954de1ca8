using Approvals.Azure.Storage;
using Approvals.Azure.Stores;
using Approvals.Stores;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace Approvals.Functions.Hosting;

/// <summary>
/// The stores on an Azure Storage account (Storage:Mode = azure): a connection string (Azurite locally), or the
/// account name with the managed identity in Azure (no keys). Names come from <see cref="AzureResourceNames"/>.
/// </summary>
public static class AzureStores
{
    public static void Add(IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(_ => Account(options));
        services.AddSingleton<IMaterialStore>(sp =>
        {
            var account = sp.GetRequiredService<StorageAccount>();
            return new BlobMaterialStore(account.Container(AzureResourceNames.MaterialsContainer), account.Table(AzureResourceNames.MaterialOwnersTable), sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ICreditLedger>(sp => new TableCreditLedger(sp.GetRequiredService<StorageAccount>().Table(AzureResourceNames.CreditLedgerTable)));
        services.AddSingleton<ICertificateStore>(sp =>
        {
            var account = sp.GetRequiredService<StorageAccount>();
            return new TableCertificateStore(account.Table(AzureResourceNames.CertificatesTable), account.Container(AzureResourceNames.CertificatesContainer));
        });
        services.AddSingleton<IKeyedRecords>(sp => new TableKeyedRecords(sp.GetRequiredService<StorageAccount>().Table(AzureResourceNames.IdempotencyTable)));
        services.AddSingleton<IDeadLetters>(sp => new TableDeadLetters(sp.GetRequiredService<StorageAccount>().Table(AzureResourceNames.DeadLettersTable), sp.GetRequiredService<TimeProvider>()));
    }

    public static StorageAccount Account(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return StorageAccount.FromConnectionString(options.ConnectionString);
        if (string.IsNullOrWhiteSpace(options.AccountName))
        {
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions),
                ["Storage:Mode 'azure' needs Storage:ConnectionString or Storage:AccountName (with a managed identity)."]);
        }
        TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        return StorageAccount.FromAccountName(options.AccountName, credential);
    }
}
