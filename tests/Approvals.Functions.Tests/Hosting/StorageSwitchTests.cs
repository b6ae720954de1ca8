using Approvals.Functions.Hosting;

namespace Approvals.Functions.Tests.Hosting;

public sealed class StorageSwitchTests
{
    [Fact]
    public void Azurite_shortcut_becomes_azure_mode_with_the_development_connection_string() =>
        Assert.Equal(["--urls", "x", "--Storage:Mode=azure", "--Storage:ConnectionString=UseDevelopmentStorage=true"],
            StorageSwitch.Expand(["--urls", "x", "--storage", "azurite"]));

    [Fact]
    public void A_connection_string_is_passed_through() =>
        Assert.Equal(["--Storage:Mode=azure", "--Storage:ConnectionString=AccountName=a;AccountKey=b"],
            StorageSwitch.Expand(["--storage", "AccountName=a;AccountKey=b"]));

    [Fact]
    public void Azure_mode_without_a_connection_string_or_account_name_fails_with_the_reason()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => AzureStores.Account(new StorageOptions { Mode = "azure" }));
        Assert.Contains("Storage:AccountName", error.Message);
    }
}
