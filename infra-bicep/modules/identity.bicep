// The one user-assigned managed identity the Function App runs as. Every data-plane
// permission (storage, Service Bus, Application Insights ingestion) is granted to it
// in rbac.bicep; the app settings name its client id so the host and the handler pick it.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
