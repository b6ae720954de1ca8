// Linux Function App on the Flex Consumption plan (FC1), runtime dotnet-isolated 10.0: the
// Functions host runs Approvals.Functions as an isolated worker (HTTP with the ASP.NET Core
// integration, the department-responses queue trigger, two timers, Durable Functions on the
// Azure Storage provider with the task hub "approvals" in AzureWebJobsStorage).
//
// Why Flex Consumption rather than Elastic Premium:
// - identity everywhere: the deployment package is read from a blob container with the managed
//   identity, and there is no Azure Files content share. Elastic Premium needs
//   WEBSITE_CONTENTAZUREFILECONNECTIONSTRING, an account-key connection string, unless one takes
//   the run-from-URL workaround; we want no key anywhere.
// - scale to zero with per-function scaling: Durable Functions and the queue trigger scale on
//   their own queues; the portal traffic is small and bursty.
// - Linux Consumption (Y1) is retired for new features, so Flex is the serverless plan to be on.
// Flex Consumption constraints we accept (check them again before production):
// - no WEBSITE_TIME_ZONE on Linux consumption plans: the timer schedules ([TimerTrigger]) are the
//   UTC equivalents of the Asia/Shanghai times in api.md (CommitmentAudit 17:00 UTC = 01:00 CST;
//   MonthlyReport 18:00 UTC daily = 02:00 CST, the handler acts on the 1st in Shanghai). Do not add
//   WEBSITE_TIME_ZONE: on plans that honour it the schedules would move by 8 hours.
// - FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT*
//   are not app settings on Flex (runtime and deployment live in functionAppConfig).
// - no deployment slots; cold starts unless alwaysReady instances are configured (billed).
// - App Service authentication (auth.bicep) was not enforced on Flex during its preview. The app
//   does not depend on it: it validates bearer tokens itself (Auth__Authority, Auth__Audience) and
//   honours X-MS-CLIENT-PRINCIPAL only when the platform reports WEBSITE_AUTH_ENABLED=True; README
//   ("Check authentication") has the check to run after deploying.
// - .NET 10 on dotnet-isolated: check the region lists it (az functionapp
//   list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated); 8.0 is the
//   fallback every region has, which would need the projects retargeted.

@description('Name of the Function App (globally unique host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region (must offer Flex Consumption: az functionapp list-flexconsumption-locations).')
param location string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

param storageAccountName string
param storageBlobEndpoint string
param deploymentContainerName string
param serviceBusFullyQualifiedNamespace string
param applicationInsightsName string

@description('Base URL printed in certificate QR codes (Portal:PublicBaseUrl).')
param publicBaseUrl string

@description('Application (client) id of the Entra app registration: the audience the app validates bearer tokens for (Auth:Audience).')
param entraClientId string

@description('Entra tenant id: the app validates tokens issued by its v2.0 endpoint (Auth:Authority).')
param entraTenantId string

@description('.NET version of the dotnet-isolated runtime on Flex Consumption: 10.0, which Flex supports for the isolated worker (check a region with az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated).')
param dotnetVersion string = '10.0'

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

param tags object = {}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Identity-based connections only: no keys, no connection strings with secrets.
      // Section__Key settings bind to the handler's options classes (StorageOptions, PortalOptions);
      // AzureWebJobsStorage__* are read by the Functions host for the queue and timer triggers and the Durable task hub.
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'ServiceBusConnection__fullyQualifiedNamespace'
          value: serviceBusFullyQualifiedNamespace
        }
        {
          name: 'ServiceBusConnection__credential'
          value: 'managedidentity'
        }
        {
          name: 'ServiceBusConnection__clientId'
          value: identityClientId
        }
        {
          name: 'Storage__Mode'
          value: 'azure'
        }
        {
          name: 'Storage__AccountName'
          value: storageAccountName
        }
        {
          name: 'Storage__ManagedIdentityClientId'
          value: identityClientId
        }
        {
          name: 'Portal__PublicBaseUrl'
          value: publicBaseUrl
        }
        {
          // Bearer tokens are validated in the app (Identity/CallerAuthentication): issuer and signing keys from this
          // authority's OpenID configuration, audience = the app registration. The app refuses to start without both.
          // WEBSITE_AUTH_ENABLED is the platform's own (set by authsettingsV2): never set it here.
          name: 'Auth__Authority'
          value: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
        {
          name: 'Auth__Audience'
          value: entraClientId
        }
        {
          // For any DefaultAzureCredential in the handler: use the user-assigned identity.
          name: 'AZURE_CLIENT_ID'
          value: identityClientId
        }
        {
          // Never Development in Azure: dev tokens and the dev clock exist only there.
          name: 'ASPNETCORE_ENVIRONMENT'
          value: 'Production'
        }
        {
          // Holds the instrumentation key, which is not a credential here: local auth is disabled on
          // the component, so ingestion needs the Entra token configured on the next line.
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD;ClientId=${identityClientId}'
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

// Basic (user name / password) publishing credentials off: deploy with Entra ID (az login).
resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
