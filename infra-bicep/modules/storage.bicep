// The app's Storage account: AzureWebJobsStorage for the Functions host, the durable engine
// (tables + queues + payload blobs), materials and certificates (blobs), credit ledger,
// certificate index, keyed records and dead letters (tables), and the Flex Consumption
// deployment package container.
//
// Every name below is also in functions/Approvals.Functions/Hosting/AzureResourceNames.cs;
// tests/Approvals.Functions.Tests/Infrastructure/Bicep checks the two lists stay equal.
// Shared Key access is off: the app and the host use the managed identity (rbac.bicep).

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
param name string

@description('Azure region.')
param location string

@description('Replication. Standard_ZRS where the region offers it and the data warrants it.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param skuName string = 'Standard_LRS'

param tags object = {}

// AzureResourceNames.Containers
var containerNames = [
  'materials'
  'certificates'
]

// AzureResourceNames.Tables
var tableNames = [
  'Certificates'
  'CreditLedger'
  'Idempotency'
  'DeadLetters'
  'MaterialOwners'
]

// AzureResourceNames.StorageQueues: department decisions for the DepartmentResponse queue trigger. Durable Functions
// creates its task hub's own queues, tables and blobs (hub "approvals", host.json) at start.
var queueNames = [
  'department-responses'
]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for containerName in containerNames: {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}]

// Flex Consumption reads the deployment package from here (infrastructure only: the code never reads it).
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: 'app-package'
  properties: {
    publicAccess: 'None'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for tableName in tableNames: {
  parent: tableService
  name: tableName
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queueName in queueNames: {
  parent: queueService
  name: queueName
}]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerName string = deploymentContainer.name
