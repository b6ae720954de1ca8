namespace Approvals.Functions.Tests.Infrastructure.Bicep;

/// <summary>App settings are read wherever the template may put them, and what cannot be read is reported, not skipped.</summary>
public sealed class BicepAppSettingsReaderTests
{
    private static BicepTemplate Load(string functionApp) =>
        BicepTemplate.Load(RepoPaths.InfraBicep, (path, text) => path == "modules/functionapp.bicep" ? functionApp : text);

    [Fact]
    public void Settings_in_a_sites_config_appsettings_resource_are_read()
    {
        var template = Load("""
            resource site 'Microsoft.Web/sites@2024-04-01' = {
              name: 'x'
            }
            resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
              parent: site
              name: 'appsettings'
              properties: {
                Storage__Mode: 'azure'
                'AzureWebJobsStorage__accountName': account
              }
            }
            """);
        Assert.Equal(["Storage__Mode", "AzureWebJobsStorage__accountName"], template.AppSettings().Select(s => s.Name));
    }

    [Fact]
    public void A_setting_whose_name_is_not_a_literal_is_reported_as_unreadable()
    {
        var template = Load("""
            resource site 'Microsoft.Web/sites@2024-04-01' = {
              name: 'x'
              properties: {
                siteConfig: {
                  appSettings: [
                    {
                      name: settingName
                      value: 'v'
                    }
                  ]
                }
              }
            }
            """);
        var setting = Assert.Single(template.AppSettings());
        Assert.StartsWith("<unreadable app setting", setting.Name, StringComparison.Ordinal);
        Assert.Contains(AppSettingRules.Check(template, CodeNames.FromAzureResourceNames()), d => d.Contains("<unreadable app setting", StringComparison.Ordinal));
    }
}
