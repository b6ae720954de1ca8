// Approvals Function App: everything one environment needs, in one resource group.
//   identity     user-assigned managed identity the app runs as
//   monitoring   Log Analytics + Application Insights (Entra-only ingestion)
//   storage      blobs, tables, the department-responses queue, deployment package container (no Shared Key)
//   servicebus   namespace + department-tasks topic for department notifications (no SAS keys)
//   rbac         least-privilege data roles for the identity
//   functionapp  Flex Consumption plan + Linux Function App, dotnet-isolated (see the plan choice there)
//   auth         App Service authentication with Entra ID (authsettingsV2)
// Deploy: README.md in this folder.

targetScope = 'resourceGroup'

@description('Environment name, e.g. dev, test, prod. Part of every resource name.')
@minLength(2)
@maxLength(10)
param environmentName string

@description('Azure region for all resources; it must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Application (client) id of the Entra app registration with the app roles Applicant, Department, Supervisor, Steward.')
param entraClientId string

@description('Entra tenant id that issues tokens for the app registration.')
param entraTenantId string = tenant().tenantId

@description('Public base URL for certificate QR codes; empty means https://<function app>.azurewebsites.net.')
param publicBaseUrl string = ''

@description('Upper bound of Flex Consumption instances (40 was the smallest value the platform accepted in preview; relax @minValue if it now accepts less).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance, in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('.NET version of the dotnet-isolated runtime on Flex Consumption (az functionapp list-flexconsumption-runtimes --location <region> --runtime dotnet-isolated).')
param dotnetVersion string = '10.0'

@description('Storage replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var envPart = toLower(environmentName)
var appName = 'func-approvals-${envPart}-${take(token, 6)}'
var tags = {
  app: 'approvals'
  environment: environmentName
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-approvals-${envPart}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-approvals-${envPart}'
    applicationInsightsName: 'appi-approvals-${envPart}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    // 3-24 lowercase letters and digits
    name: take('stappr${replace(envPart, '-', '')}${token}', 24)
    location: location
    skuName: storageSku
    tags: tags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    namespaceName: 'sb-approvals-${envPart}-${take(token, 6)}'
    location: location
    tags: tags
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    departmentTasksTopicName: serviceBus.outputs.departmentTasksTopicName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  // The host reads the deployment package and AzureWebJobsStorage with the identity from its
  // first start, so the roles come first.
  dependsOn: [
    rbac
  ]
  params: {
    name: appName
    planName: 'plan-approvals-${envPart}'
    location: location
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    publicBaseUrl: empty(publicBaseUrl) ? 'https://${appName}.azurewebsites.net' : publicBaseUrl
    entraClientId: entraClientId
    entraTenantId: entraTenantId
    dotnetVersion: dotnetVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    tags: tags
  }
}

module auth 'modules/auth.bicep' = {
  name: 'auth'
  params: {
    siteName: functionApp.outputs.name
    clientId: entraClientId
    tenantId: entraTenantId
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output storageAccountName string = storage.outputs.name
output serviceBusNamespace string = serviceBus.outputs.namespaceName
output serviceBusFullyQualifiedNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output managedIdentityClientId string = identity.outputs.clientId
